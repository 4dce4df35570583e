import { afterEach, describe, expect, it } from 'vitest';
import { youtube } from '../../src/platforms/youtube/index.js';
import { type ApiServer, slice, startApiServer } from '../helpers/api-server.js';
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

let server: ApiServer;
afterEach(() => server?.close());
const SUBSCRIPTIONS = '/youtube/v3/subscriptions';

async function setup(env: Record<string, string> = { YOUTUBE_API_KEY: KEY }) {
  server = await startApiServer({
    '/youtube/v3/channels': (url) => ({
      body: { items: url.searchParams.get('forHandle') === '@examplecitydsa' ? [{ id: CHANNEL }] : [] },
    }),
    [SUBSCRIPTIONS]: (url, r) => {
      if (r.headers['x-goog-api-key'] !== KEY) return googleError(400, 'keyInvalid', 'API key not valid.');
      if (url.searchParams.get('channelId') !== CHANNEL)
        return googleError(404, 'subscriberNotFound', 'not found');
      const page = slice(subs, url.searchParams.get('pageToken'), Number(url.searchParams.get('maxResults')));
      return {
        body: {
          kind: 'youtube#subscriptionListResponse',
          items: page.items,
          nextPageToken: page.next ?? undefined,
        },
      };
    },
  });
  return liveContext('youtube', 'examplecitydsa', { apiUrl: server.url, env });
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
