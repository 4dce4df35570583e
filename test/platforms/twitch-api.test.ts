import { afterEach, describe, expect, it } from 'vitest';
import { twitch } from '../../src/platforms/twitch/index.js';
import { type ApiServer, slice, startApiServer } from '../helpers/api-server.js';
import { cursorCases } from '../helpers/cursor-cases.js';
import { liveContext, unixAfter } from '../helpers/live.js';

const ENV = { TWITCH_CLIENT_ID: 'sampleclientid0123456789', TWITCH_TOKEN: 'sampleusertoken0123456789' };
const channels = Array.from({ length: 230 }, (_, i) => ({
  broadcaster_id: String(5000 + i),
  broadcaster_login: `samplestreamer${i}`,
  broadcaster_name: `SampleStreamer${i}`,
  followed_at: '2026-03-04T05:06:07Z',
}));

const others = channels.slice(0, 150).map((c, i) => ({ ...c, broadcaster_id: String(6000 + i) }));
const users: Record<string, { login: string; follows: typeof channels }> = {
  '777': { login: 'examplecitydsa', follows: channels },
  '778': { login: 'examplelaborcircle', follows: others },
};
/** Channels Twitch counts in `total` but leaves out of the pages. */
let uncounted = 0;

let server: ApiServer;
afterEach(async () => {
  uncounted = 0;
  await server?.close();
});
const FOLLOWED = '/helix/channels/followed';

async function setup(env: Record<string, string> = ENV, login = 'examplecitydsa') {
  server = await startApiServer({
    '/helix/users': (url) => ({
      body: {
        data: Object.entries(users)
          .filter(([, u]) => url.searchParams.getAll('login').includes(u.login))
          .map(([id, u]) => ({ id, login: u.login })),
      },
    }),
    [FOLLOWED]: (url, r) => {
      if (
        r.headers.authorization !== `Bearer ${ENV.TWITCH_TOKEN}` ||
        r.headers['client-id'] !== ENV.TWITCH_CLIENT_ID
      )
        return { status: 401, body: { error: 'Unauthorized', status: 401, message: 'Invalid OAuth token' } };
      const user = users[url.searchParams.get('user_id') ?? ''];
      if (!user) return { status: 400, body: { error: 'Bad Request' } };
      const page = slice(user.follows, url.searchParams.get('after'), Number(url.searchParams.get('first')));
      return {
        body: {
          total: user.follows.length + uncounted,
          data: page.items,
          pagination: page.next ? { cursor: page.next } : {},
        },
      };
    },
  });
  return liveContext('twitch', login, { apiUrl: server.url, env, maxWaitSeconds: 30 });
}

/** A fetch of `login` that a rate limit stops after its first page: the cursor it saves. */
async function stoppedRun(login: string) {
  const context = await setup(ENV, login);
  server.queue(FOLLOWED, null, { status: 429, headers: { 'Ratelimit-Reset': unixAfter(600) } });
  const { resume } = await twitch.fetchFollowing!(context);
  await server.close();
  return JSON.parse(JSON.stringify(resume ?? null));
}

describe('Twitch live fetch', () => {
  it('looks the user up and pages through the followed channels', async () => {
    const context = await setup();
    const { list } = await twitch.fetchFollowing!(context);
    expect(list.complete).toBe(true);
    expect(list.following).toHaveLength(230);
    expect(list.following[0]).toEqual({
      id: '5000',
      handle: 'samplestreamer0',
      name: 'SampleStreamer0',
      url: 'https://www.twitch.tv/samplestreamer0',
      followedAt: '2026-03-04T05:06:07Z',
    });
    const pages = server.received.filter((r) => r.url.pathname === FOLLOWED);
    expect(pages.map((r) => r.url.searchParams.get('after'))).toEqual([null, '100', '200']);
    expect(pages[0]!.url.searchParams.get('first')).toBe('100');
  });

  it('waits out a 429 by Ratelimit-Reset', async () => {
    const context = await setup();
    server.queue(FOLLOWED, { status: 429, headers: { 'Ratelimit-Reset': unixAfter(3) } });
    expect((await twitch.fetchFollowing!(context)).list.complete).toBe(true);
    expect(context.slept).toEqual([1000, 1000, 1000]);
  });

  it('names the missing variables and calls nothing', async () => {
    const context = await setup({ TWITCH_CLIENT_ID: ENV.TWITCH_CLIENT_ID });
    const { list } = await twitch.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.error).toMatch(/^TWITCH_TOKEN is not set/);
    expect(server.received).toEqual([]);
    const none = await twitch.fetchFollowing!({ ...context, env: {} });
    expect(none.list.error).toMatch(/^TWITCH_CLIENT_ID and TWITCH_TOKEN are not set/);
  });

  it('explains a refused token without showing it', async () => {
    const context = await setup({ ...ENV, TWITCH_TOKEN: 'sampleexpiredtoken999' });
    const { list } = await twitch.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.error).toContain('Twitch refused TWITCH_TOKEN');
    expect(list.error).not.toContain('sampleexpiredtoken999');
  });

  it('reports persistent 5xx and malformed JSON as incomplete', async () => {
    const context = await setup();
    server.queue(FOLLOWED, ...Array.from({ length: 4 }, () => ({ status: 500 })));
    expect((await twitch.fetchFollowing!(context)).list.error).toContain('500');
    server.queue(FOLLOWED, { body: 'not json' });
    expect((await twitch.fetchFollowing!(context)).list.error).toContain('malformed JSON');
  });

  it('reports a list shorter than its total as incomplete, naming the numbers', async () => {
    uncounted = 2;
    const { list } = await twitch.fetchFollowing!(await setup());
    expect(list.complete).toBe(false);
    expect(list.error).toMatch(
      /^Twitch counts 232 follows for this account but listed only 230, so 2 are missing/,
    );
  });

  cursorCases({
    platform: 'twitch',
    fetch: (context) => twitch.fetchFollowing!(context),
    setup: (login) => setup(ENV, login),
    stoppedRun,
    pages: () =>
      server.received.filter((r) => r.url.pathname === FOLLOWED).map((r) => r.url.searchParams.get('after')),
    owner: { handle: 'examplecitydsa', id: '777', following: channels.map((c) => c.broadcaster_id) },
    other: { handle: 'examplelaborcircle', id: '778' },
  });

  it('looks logins up as ids', async () => {
    const context = await setup();
    expect(await twitch.lookup!([{ id: null, handle: 'examplecitydsa' }], context)).toEqual([
      { id: '777', handle: 'examplecitydsa' },
    ]);
  });
});
