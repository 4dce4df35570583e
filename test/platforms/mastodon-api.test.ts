import { afterEach, describe, expect, it } from 'vitest';
import { mastodon } from '../../src/platforms/mastodon/index.js';
import type { ApiServer } from '../helpers/api-server.js';
import { liveContext } from '../helpers/live.js';
import { type MastodonEmulation, sampleAccounts, startMastodonServer } from '../helpers/mastodon-api.js';

const OWNER_TOKEN = 'sample-owner-token-abcdef123456';
const OTHER_TOKEN = 'sample-other-token-abcdef654321';
const self = { id: '42', acct: 'examplecitydsa', hide_collections: false };
const HANDLE = 'examplecitydsa@mastodon.example.org';

let server: ApiServer;
afterEach(() => server?.close());
const FOLLOWING = '/api/v1/accounts/42/following';

function emulation(overrides: Partial<MastodonEmulation> = {}): MastodonEmulation {
  return { self, follows: sampleAccounts(170), ownerToken: OWNER_TOKEN, ...overrides };
}

async function setup(served = emulation(), env: Record<string, string> = {}, handle = HANDLE) {
  server = await startMastodonServer(served);
  return liveContext('mastodon', handle, { apiUrl: server.url, env, maxWaitSeconds: 30 });
}

/** A first run that a rate limit stops after the first page, and the cursor it saves. */
async function stoppedRun(served: MastodonEmulation) {
  const context = await setup(served);
  server.queue(FOLLOWING, { body: served.follows.slice(0, 80), headers: { link: firstPageLink } });
  server.queue(FOLLOWING, { status: 429, headers: { 'X-RateLimit-Reset': '2026-11-21T09:00:00.000Z' } });
  const { list, resume } = await mastodon.fetchFollowing!(context);
  expect(list.complete).toBe(false);
  expect(resume).toMatchObject({
    platform: 'mastodon',
    accountId: '42',
    savedAt: '2026-11-21T08:00:00.000Z',
  });
  await server.close();
  return JSON.parse(JSON.stringify(resume));
}
const firstPageLink =
  '<https://mastodon.example.org/api/v1/accounts/42/following?limit=80&max_id=9091>; rel="next"';

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
    expect(pages.map((r) => r.url.searchParams.get('max_id'))).toEqual([null, '9091', '9011']);
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
    const hidden = emulation({ self: { ...self, hide_collections: true } });
    const context = await setup(hidden, { MASTODON_TOKEN: OTHER_TOKEN });
    const { list } = await mastodon.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.error).toContain('hides whom it follows');
    expect(list.error).toContain('MASTODON_TOKEN is not a token of this account');
    expect(list.error).not.toContain(OTHER_TOKEN);
  });

  it("fetches a hidden network with the owner's token", async () => {
    const hidden = emulation({ self: { ...self, hide_collections: true } });
    const context = await setup(hidden, { MASTODON_TOKEN: OWNER_TOKEN });
    const { list } = await mastodon.fetchFollowing!(context);
    expect(list.complete).toBe(true);
    expect(list.following).toHaveLength(170);
  });

  it('does not believe an empty answer from an account that counts follows (older servers)', async () => {
    const context = await setup(emulation({ self: { ...self, hide_collections: null } }));
    server.queue(FOLLOWING, { body: [] });
    const { list } = await mastodon.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.error).toContain('counts 170 follows');
    expect(list.error).toContain('hidden from this client');
    expect(list.error).toContain('set MASTODON_TOKEN');
  });

  it('reports a list shorter than following_count as incomplete, naming the numbers', async () => {
    // Another account's token: the server leaves out whom that account blocks or mutes.
    const served = emulation({ leftOut: ['1005'] });
    const context = await setup(served, { MASTODON_TOKEN: OTHER_TOKEN });
    const { list } = await mastodon.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.error).toMatch(
      /^Mastodon counts 170 follows for this account but listed only 79, so 91 are missing/,
    );
    expect(list.error).toContain('MASTODON_TOKEN belongs to another account');
  });

  it('continues a cursor of the same account saved less than a day ago', async () => {
    const served = emulation();
    const resume = await stoppedRun(served);
    const context = await setup(served);
    const { list } = await mastodon.fetchFollowing!({ ...context, resume });
    expect(list.complete).toBe(true);
    expect(list.following).toHaveLength(170);
    expect(list.notes[0]).toContain('continued an earlier fetch');
    const pages = server.received.filter((r) => r.url.pathname === FOLLOWING);
    expect(pages.map((r) => r.url.searchParams.get('max_id'))).toEqual(['9091', '9011']);
  });

  it('checks a continued list against the count: a follow made since is not lost', async () => {
    const served = emulation();
    const resume = await stoppedRun(served);
    served.follows.unshift(...sampleAccounts(1, 500));
    const context = await setup(served);
    const { list } = await mastodon.fetchFollowing!({ ...context, resume });
    expect(list.complete).toBe(false);
    expect(list.error).toMatch(/^Mastodon counts 171 follows for this account but listed only 170/);
  });

  it('starts over from a cursor more than a day old, and so sees the newest follow', async () => {
    const served = emulation();
    const resume = await stoppedRun(served);
    served.follows.unshift(...sampleAccounts(1, 500));
    const context = await setup(served);
    const later = { ...context, resume, now: () => new Date('2027-01-21T08:00:00Z') };
    const { list } = await mastodon.fetchFollowing!(later);
    expect(list.complete).toBe(true);
    expect(list.following).toHaveLength(171);
    expect(list.following[0]!.handle).toBe('sample500@mastodon.example.org');
    expect(list.notes.join(' ')).toMatch(/was not continued: it was saved 2026-11-21T08:00:00.000Z/);
    const pages = server.received.filter((r) => r.url.pathname === FOLLOWING);
    expect(pages[0]!.url.searchParams.get('max_id')).toBeNull();
  });

  it("never continues another account's cursor after the audited handle changed", async () => {
    const resume = await stoppedRun(emulation());
    const other = { id: '43', acct: 'examplelaborcircle', hide_collections: false };
    server = await startMastodonServer({ self: other, follows: sampleAccounts(3, 700) });
    const context = liveContext('mastodon', 'examplelaborcircle@mastodon.example.org', {
      apiUrl: server.url,
      resume,
    });
    const { list } = await mastodon.fetchFollowing!(context);
    expect(list.complete).toBe(true);
    expect(list.following.map((f) => f.handle)).toEqual([
      'sample700@mastodon.example.org',
      'sample701@social.example.org',
      'sample702@mastodon.example.org',
    ]);
    expect(list.notes.join(' ')).toContain('saved for another account (id 42), not this one (id 43)');
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
    const context = await setup(emulation(), {}, 'nobody@mastodon.example.org');
    const { list } = await mastodon.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.error).toBe('mastodon.example.org knows no account @nobody@mastodon.example.org');
  });
});
