import { afterEach, describe, expect, it } from 'vitest';
import { youtube } from '../../src/platforms/youtube/index.js';
import { type ApiServer, slice, startApiServer } from '../helpers/api-server.js';
import { cursorCases } from '../helpers/cursor-cases.js';
import { liveContext } from '../helpers/live.js';

const KEY = 'sample-youtube-key-0123456789';
const CHANNEL = 'UCsampleExampleCityDsa0001';
const channelId = (i: number) => `UCsample${String(i).padStart(18, '0')}`;
const subs = Array.from({ length: 120 }, (_, i) => ({
  kind: 'youtube#subscription',
  snippet: {
    title: `Sample Channel ${i}`,
    publishedAt: '2026-01-02T03:04:05Z',
    resourceId: { kind: 'youtube#channel', channelId: channelId(i) },
    channelId: CHANNEL,
  },
}));
const googleError = (code: number, reason: string, message: string) => ({
  status: code,
  body: { error: { code, message, errors: [{ reason, domain: 'youtube.subscription', message }] } },
});

const OTHER = 'UCsampleExampleLaborCirc1';
const otherSubs = subs.slice(0, 60).map((sub, i) => ({
  ...sub,
  snippet: { ...sub.snippet, resourceId: { kind: 'youtube#channel', channelId: channelId(500 + i) } },
}));
const channels: Record<string, { handle: string; subs: typeof subs }> = {
  [CHANNEL]: { handle: '@examplecitydsa', subs },
  [OTHER]: { handle: '@examplelaborcircle', subs: otherSubs },
};
/** Subscriptions YouTube counts in totalResults but leaves out of the pages. */
let uncounted = 0;

let server: ApiServer;
afterEach(async () => {
  uncounted = 0;
  await server?.close();
});
const SUBSCRIPTIONS = '/youtube/v3/subscriptions';

async function setup(env: Record<string, string> = { YOUTUBE_API_KEY: KEY }, handle = 'examplecitydsa') {
  server = await startApiServer({
    '/youtube/v3/channels': (url) => ({
      body: {
        items: Object.keys(channels)
          .filter((id) => channels[id]!.handle === url.searchParams.get('forHandle'))
          .map((id) => ({ id })),
      },
    }),
    [SUBSCRIPTIONS]: (url, r) => {
      if (r.headers['x-goog-api-key'] !== KEY) return googleError(400, 'keyInvalid', 'API key not valid.');
      const channel = channels[url.searchParams.get('channelId') ?? ''];
      if (!channel) return googleError(404, 'subscriberNotFound', 'not found');
      const perPage = Number(url.searchParams.get('maxResults'));
      const page = slice(channel.subs, url.searchParams.get('pageToken'), perPage);
      return {
        body: {
          kind: 'youtube#subscriptionListResponse',
          nextPageToken: page.next ?? undefined,
          pageInfo: { totalResults: channel.subs.length + uncounted, resultsPerPage: perPage },
          items: page.items,
        },
      };
    },
  });
  return liveContext('youtube', handle, { apiUrl: server.url, env, maxWaitSeconds: 30 });
}

/** A fetch of `handle` stopped after its first page (YouTube's quota): the cursor it saves. */
async function stoppedRun(handle: string) {
  const context = await setup({ YOUTUBE_API_KEY: KEY }, handle);
  server.queue(SUBSCRIPTIONS, null, {
    status: 429,
    body: { error: { code: 429, message: 'Too many requests' } },
  });
  const { resume } = await youtube.fetchFollowing!(context);
  await server.close();
  return JSON.parse(JSON.stringify(resume ?? null));
}

describe('YouTube live fetch', () => {
  it('finds the channel by handle and pages through its subscriptions, key in a header only', async () => {
    const context = await setup();
    const { list } = await youtube.fetchFollowing!(context);
    expect(list.complete).toBe(true);
    expect(list.following).toHaveLength(120);
    expect(list.following[3]).toEqual({
      id: channelId(3),
      handle: null,
      name: 'Sample Channel 3',
      url: `https://www.youtube.com/channel/${channelId(3)}`,
      followedAt: '2026-01-02T03:04:05Z',
    });
    const pages = server.received.filter((r) => r.url.pathname === SUBSCRIPTIONS);
    expect(pages.map((r) => r.url.searchParams.get('pageToken'))).toEqual([null, '50', '100']);
    expect(pages[0]!.url.searchParams.get('maxResults')).toBe('50');
    expect(server.received.some((r) => r.url.href.includes(KEY))).toBe(false);
  });

  it('says a channel hides its subscriptions and points to Takeout', async () => {
    const context = await setup();
    server.queue(
      SUBSCRIPTIONS,
      googleError(
        403,
        'subscriptionForbidden',
        'The requester is not allowed to access the requested subscriptions.',
      ),
    );
    const { list } = await youtube.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.error).toContain('the channel hides its subscriptions');
    expect(list.error).toContain('Google Takeout');
  });

  it('says the quota is used up', async () => {
    const context = await setup();
    server.queue(SUBSCRIPTIONS, { body: { items: subs.slice(0, 50), nextPageToken: '50' } });
    server.queue(
      SUBSCRIPTIONS,
      googleError(
        403,
        'quotaExceeded',
        'The request cannot be completed because you have exceeded your quota.',
      ),
    );
    const { list } = await youtube.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.error).toContain('quota');
    expect(list.error).toContain('resets at midnight Pacific');
    expect(list.following).toHaveLength(50);
  });

  it('retries a 5xx, and stops on a repeating page token', async () => {
    const context = await setup();
    server.queue(SUBSCRIPTIONS, { status: 503 });
    expect((await youtube.fetchFollowing!(context)).list.complete).toBe(true);
    server.queue(
      SUBSCRIPTIONS,
      ...Array.from({ length: 3 }, () => ({ body: { items: subs.slice(0, 1), nextPageToken: 'SAME' } })),
    );
    const { list } = await youtube.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.error).toContain('same page cursor');
  });

  it('names YOUTUBE_API_KEY when it is missing, without calling the API', async () => {
    const context = await setup({});
    const { list } = await youtube.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.error).toMatch(/^YOUTUBE_API_KEY is not set: set it in the environment/);
    expect(server.received).toEqual([]);
  });

  it('reports a list shorter than totalResults as incomplete, naming the numbers', async () => {
    uncounted = 1;
    const { list } = await youtube.fetchFollowing!(await setup());
    expect(list.complete).toBe(false);
    expect(list.error).toMatch(
      /^YouTube counts 121 follows for this account but listed only 120, so 1 is missing/,
    );
  });

  cursorCases({
    platform: 'youtube',
    fetch: (context) => youtube.fetchFollowing!(context),
    setup: (handle) => setup({ YOUTUBE_API_KEY: KEY }, handle),
    stoppedRun,
    pages: () =>
      server.received
        .filter((r) => r.url.pathname === SUBSCRIPTIONS)
        .map((r) => r.url.searchParams.get('pageToken')),
    owner: {
      handle: 'examplecitydsa',
      id: CHANNEL,
      following: subs.map((s) => s.snippet.resourceId.channelId),
    },
    other: { handle: 'examplelaborcircle', id: OTHER },
  });

  it('reports a handle with no channel', async () => {
    server = await startApiServer({ '/youtube/v3/channels': () => ({ body: { items: [] } }) });
    const context = liveContext('youtube', 'nobodysample', {
      apiUrl: server.url,
      env: { YOUTUBE_API_KEY: KEY },
    });
    expect((await youtube.fetchFollowing!(context)).list.error).toBe(
      'no YouTube channel has the handle @nobodysample',
    );
  });
});
