import { afterEach, describe, expect, it } from 'vitest';
import { mastodon } from '../../src/platforms/mastodon/index.js';
import { type ApiServer, type Route, slice, startApiServer } from '../helpers/api-server.js';
import { liveContext } from '../helpers/live.js';

const OWNER_TOKEN = 'sample-owner-token-abcdef123456';
const OTHER_TOKEN = 'sample-other-token-abcdef654321';
const accounts = Array.from({ length: 170 }, (_, i) => ({
  id: String(1000 + i),
  acct: i % 2 ? `sample${i}@social.example.org` : `sample${i}`,
  url: `https://mastodon.example.org/@sample${i}`,
  display_name: `Sample ${i}`,
}));
const self = { id: '42', acct: 'examplecitydsa', hide_collections: false, following_count: 170 };

function mastodonRoutes(account: typeof self): Record<string, Route> {
  return {
    '/api/v1/accounts/lookup': (url) =>
      url.searchParams.get('acct') === 'examplecitydsa@mastodon.example.org'
        ? { body: account }
        : { status: 404, body: { error: 'Record not found' } },
    '/api/v1/accounts/verify_credentials': (_url, r) =>
      r.headers.authorization === `Bearer ${OWNER_TOKEN}`
        ? { body: account }
        : { body: { id: '7', acct: 'someoneelse' } },
    '/api/v1/accounts/42/following': (url, r) => {
      const owner = r.headers.authorization === `Bearer ${OWNER_TOKEN}`;
      if (account.hide_collections && !owner) return { body: [] };
      const page = slice(accounts, url.searchParams.get('max_id'), Number(url.searchParams.get('limit')));
      const next = page.next
        ? `<https://mastodon.example.org/api/v1/accounts/42/following?limit=80&max_id=${page.next}>; rel="next", <https://mastodon.example.org/api/v1/accounts/42/following?since_id=1>; rel="prev"`
        : '<https://mastodon.example.org/api/v1/accounts/42/following?since_id=1>; rel="prev"';
      return { headers: { link: next }, body: page.items };
    },
  };
}

let server: ApiServer;
afterEach(() => server?.close());
const FOLLOWING = '/api/v1/accounts/42/following';

async function setup(account = self, env: Record<string, string> = {}) {
  server = await startApiServer(mastodonRoutes(account));
  return liveContext('mastodon', 'examplecitydsa@mastodon.example.org', { apiUrl: server.url, env });
}

describe('Mastodon live fetch', () => {
  it('follows the Link header on its own host and qualifies local accounts', async () => {
    const context = await setup();
    const { list } = await mastodon.fetchFollowing!(context);
    expect(list.complete).toBe(true);
    expect(list.following).toHaveLength(170);
    expect(list.following[0]).toEqual({
      id: null,
      handle: 'sample0@mastodon.example.org',
      name: 'Sample 0',
      url: 'https://mastodon.example.org/@sample0',
    });
    expect(list.following[1]!.handle).toBe('sample1@social.example.org');
    const pages = server.received.filter((r) => r.url.pathname === FOLLOWING);
    expect(pages.map((r) => r.url.searchParams.get('max_id'))).toEqual([null, '80', '160']);
    expect(pages[0]!.url.searchParams.get('limit')).toBe('80');
  });

  it('waits out a 429 by the ISO-8601 X-RateLimit-Reset', async () => {
    const context = await setup();
    server.queue(FOLLOWING, { status: 429, headers: { 'X-RateLimit-Reset': '2026-11-21T08:00:04.000Z' } });
    const { list } = await mastodon.fetchFollowing!(context);
    expect(list.complete).toBe(true);
    expect(context.slept).toEqual([1000, 1000, 1000, 1000]);
  });

  it('reports a hidden network as incomplete without a token of the owner', async () => {
    const context = await setup({ ...self, hide_collections: true }, { MASTODON_TOKEN: OTHER_TOKEN });
    const { list } = await mastodon.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.error).toContain('hides whom it follows');
    expect(list.error).toContain('MASTODON_TOKEN is not a token of this account');
    expect(list.error).not.toContain(OTHER_TOKEN);
  });

  it("fetches a hidden network with the owner's token", async () => {
    const context = await setup({ ...self, hide_collections: true }, { MASTODON_TOKEN: OWNER_TOKEN });
    const { list } = await mastodon.fetchFollowing!(context);
    expect(list.complete).toBe(true);
    expect(list.following).toHaveLength(170);
  });

  it('does not believe an empty answer from an account that counts follows (older servers)', async () => {
    const context = await setup({ ...self, hide_collections: null as unknown as boolean });
    server.queue(FOLLOWING, { body: [] });
    const { list } = await mastodon.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.error).toContain('profile counts 170 follows');
    expect(list.error).toContain('set MASTODON_TOKEN');
  });

  it('reports malformed JSON and persistent 5xx as incomplete', async () => {
    const context = await setup();
    server.queue(FOLLOWING, { body: '[{"id": "1",' });
    expect((await mastodon.fetchFollowing!(context)).list.error).toContain('malformed JSON');
    server.queue(FOLLOWING, ...Array.from({ length: 4 }, () => ({ status: 500 })));
    const { list } = await mastodon.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.error).toContain('500');
  });

  it('names an account the instance does not know', async () => {
    server = await startApiServer(mastodonRoutes(self));
    const context = liveContext('mastodon', 'nobody@mastodon.example.org', { apiUrl: server.url });
    const { list } = await mastodon.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.error).toBe('mastodon.example.org knows no account @nobody@mastodon.example.org');
  });
});
