import { afterEach, describe, expect, it } from 'vitest';
import { bluesky } from '../../src/platforms/bluesky/index.js';
import { type ApiServer, type Route, slice, startApiServer } from '../helpers/api-server.js';
import { liveContext, unixAfter } from '../helpers/live.js';

const SUBJECT = 'did:plc:examplecitydsa';
const visible = Array.from({ length: 250 }, (_, i) => ({
  did: `did:plc:sample${i}`,
  handle: `sample${i}.example.org`,
  displayName: `Sample ${i}`,
}));
const HIDDEN = { did: 'did:plc:samplehidden', handle: 'hidden.example.org', displayName: 'Hidden Sample' };
const DELETED = 'did:plc:sampledeleted';
const recordDids = [...visible.map((p) => p.did), HIDDEN.did, DELETED];

const routes: Record<string, Route> = {
  '/xrpc/app.bsky.graph.getFollows': (url) => {
    const page = slice(visible, url.searchParams.get('cursor'), Number(url.searchParams.get('limit')));
    return {
      body: {
        subject: { did: SUBJECT, handle: 'examplecitydsa.bsky.social' },
        follows: page.items,
        cursor: page.next ?? undefined,
      },
    };
  },
  '/xrpc/com.atproto.repo.listRecords': (url) => {
    if (
      url.searchParams.get('repo') !== SUBJECT ||
      url.searchParams.get('collection') !== 'app.bsky.graph.follow'
    )
      return { status: 400, body: { error: 'InvalidRequest' } };
    const page = slice(recordDids, url.searchParams.get('cursor'), Number(url.searchParams.get('limit')));
    const records = page.items.map((did, i) => ({
      uri: `at://${SUBJECT}/app.bsky.graph.follow/${i}`,
      value: { $type: 'app.bsky.graph.follow', subject: did, createdAt: '2026-01-01T00:00:00Z' },
    }));
    return { body: { records, cursor: page.next ?? undefined } };
  },
  '/xrpc/app.bsky.actor.getProfiles': (url) => {
    const actors = url.searchParams.getAll('actors');
    const known = [...visible, HIDDEN].filter((p) => actors.includes(p.did) || actors.includes(p.handle));
    return { body: { profiles: known } };
  },
};

let server: ApiServer;
afterEach(() => server?.close());

async function setup(overrides: Record<string, Route> = {}, options: { maxWaitSeconds?: number } = {}) {
  server = await startApiServer({ ...routes, ...overrides });
  return liveContext('bluesky', 'examplecitydsa.bsky.social', { apiUrl: server.url, ...options });
}
const calls = (path: string) => server.received.filter((r) => r.url.pathname === path).length;
const FOLLOWS = '/xrpc/app.bsky.graph.getFollows';

describe('Bluesky live fetch', () => {
  it('pages through getFollows and adds the follows the AppView leaves out, named where possible', async () => {
    const context = await setup();
    const { list, resume } = await bluesky.fetchFollowing!(context);
    expect(list.complete).toBe(true);
    expect(list.error).toBeNull();
    expect(list).toMatchObject({ source: 'api', fetchedAt: '2026-11-21T08:00:00.000Z', file: null });
    expect(list.following).toHaveLength(252);
    expect(list.following[0]).toEqual({
      id: 'did:plc:sample0',
      handle: 'sample0.example.org',
      name: 'Sample 0',
      url: 'https://bsky.app/profile/sample0.example.org',
    });
    expect(list.following.find((f) => f.id === HIDDEN.did)?.handle).toBe('hidden.example.org');
    expect(list.following.find((f) => f.id === DELETED)).toEqual({
      id: DELETED,
      handle: null,
      name: null,
      url: `https://bsky.app/profile/${DELETED}`,
    });
    expect(list.notes.join(' ')).toContain("2 followed accounts missing from the AppView's list");
    expect(resume).toBeUndefined();
    expect(calls(FOLLOWS)).toBe(3);
    expect(server.received[0]!.url.searchParams.get('limit')).toBe('100');
    expect(context.messages).toContain('chapter-bluesky: follows, page 3, 250 so far');
  });

  it('waits out a 429 by RateLimit-Reset and retries a 5xx, and still completes', async () => {
    const context = await setup();
    server.queue(FOLLOWS, { body: await firstPage() });
    server.queue(FOLLOWS, { status: 429, headers: { 'RateLimit-Reset': unixAfter(7) } }, { status: 503 });
    const { list } = await bluesky.fetchFollowing!(context);
    expect(list.complete).toBe(true);
    expect(list.following).toHaveLength(252);
    expect(context.slept.filter((ms) => ms === 1000).length).toBeGreaterThanOrEqual(7);
  });

  it('reports a server that keeps failing as incomplete', async () => {
    const context = await setup({ [FOLLOWS]: () => ({ status: 502, body: { error: 'UpstreamFailure' } }) });
    const { list } = await bluesky.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.error).toContain('502');
    expect(calls(FOLLOWS)).toBe(4);
  });

  it('reports malformed JSON, keeping the pages already read', async () => {
    const context = await setup();
    server.queue(FOLLOWS, { body: await firstPage() }, { body: '<html>oops' });
    const { list } = await bluesky.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.error).toContain('malformed JSON');
    expect(list.following).toHaveLength(100);
  });

  it('stops on a cursor that repeats', async () => {
    const context = await setup({
      [FOLLOWS]: () => ({
        body: { subject: { did: SUBJECT }, follows: visible.slice(0, 2), cursor: 'again' },
      }),
    });
    const { list } = await bluesky.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.error).toContain('same page cursor');
    expect(calls(FOLLOWS)).toBe(2);
  });

  it('keeps the AppView list, with a note, where listRecords is not offered', async () => {
    const context = await setup({
      '/xrpc/com.atproto.repo.listRecords': () => ({ status: 501, body: { error: 'MethodNotImplemented' } }),
    });
    const { list } = await bluesky.fetchFollowing!(context);
    expect(list.complete).toBe(true);
    expect(list.following).toHaveLength(250);
    expect(list.notes.join(' ')).toContain('may omit blocked or taken-down accounts');
  });

  it('stops at a rate limit beyond --max-wait with a cursor, and resumes from it', async () => {
    const context = await setup({}, { maxWaitSeconds: 30 });
    server.queue(
      FOLLOWS,
      { body: await firstPage() },
      { status: 429, headers: { 'RateLimit-Reset': unixAfter(600) } },
    );
    const first = await bluesky.fetchFollowing!(context);
    expect(first.list.complete).toBe(false);
    expect(first.list.error).toContain('--max-wait 30s');
    expect(first.resume).toMatchObject({ phase: 'follows', cursor: '100' });
    const before = calls(FOLLOWS);
    const second = await bluesky.fetchFollowing!({
      ...context,
      resume: JSON.parse(JSON.stringify(first.resume)),
    });
    expect(second.list.complete).toBe(true);
    expect(second.list.following).toHaveLength(252);
    expect(calls(FOLLOWS) - before).toBe(2);
    expect(second.list.notes[0]).toContain('continued an earlier fetch');
  });

  it('looks handles up as DIDs', async () => {
    const context = await setup();
    const found = await bluesky.lookup!(
      [
        { id: null, handle: 'sample7.example.org' },
        { id: null, handle: 'nobody.example.org' },
      ],
      context,
    );
    expect(found).toEqual([{ id: 'did:plc:sample7', handle: 'sample7.example.org' }]);
  });
});

/** The first page as the emulation answers it, to queue before a fault on the second. */
async function firstPage() {
  return routes[FOLLOWS]!(new URL(`${server.url}${FOLLOWS}?limit=100`), {
    url: new URL(server.url),
    headers: {},
  }).body;
}
