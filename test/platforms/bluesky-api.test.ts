import { afterEach, describe, expect, it } from 'vitest';
import { bluesky } from '../../src/platforms/bluesky/index.js';
import { type ApiServer, startApiServer } from '../helpers/api-server.js';
import {
  type BlueskyNetwork,
  didDocument,
  type NetworkAccount,
  startBlueskyNetwork,
} from '../helpers/bluesky-network.js';
import { cursorCases } from '../helpers/cursor-cases.js';
import { liveContext, unixAfter } from '../helpers/live.js';

const SUBJECT = 'did:plc:examplecitydsa';
const visible: NetworkAccount[] = Array.from({ length: 250 }, (_, i) => ({
  did: `did:plc:sample${i}`,
  handle: `sample${i}.example.org`,
  displayName: `Sample ${i}`,
}));
const BLOCKING: NetworkAccount = {
  did: 'did:plc:sampleblocking',
  handle: 'blocking.example.org',
  displayName: 'Blocking Sample',
  blocks: [SUBJECT],
};
const DELETED: NetworkAccount = {
  did: 'did:plc:sampledeleted',
  handle: 'deleted.example.org',
  deleted: true,
};
const NEVER_REGISTERED = 'did:plc:samplenoaccount';
const recordDids = [...visible.map((p) => p.did), BLOCKING.did, DELETED.did, NEVER_REGISTERED];
const chapter: NetworkAccount = { did: SUBJECT, handle: 'examplecitydsa.bsky.social', follows: recordDids };
const laborCircle: NetworkAccount = {
  did: 'did:plc:examplelaborcircle',
  handle: 'examplelaborcircle.bsky.social',
  follows: visible.slice(0, 150).map((p) => p.did),
};

let network: BlueskyNetwork;
afterEach(() => network?.close());

async function setup(handle = chapter.handle, options: { maxWaitSeconds?: number; plcUrl?: string } = {}) {
  network = await startBlueskyNetwork([chapter, laborCircle, BLOCKING, DELETED, ...visible]);
  const context = liveContext('bluesky', handle, { apiUrl: network.appview.url, ...options });
  context.account.plcUrl = options.plcUrl ?? network.plc.url;
  return context;
}
const FOLLOWS = '/xrpc/app.bsky.graph.getFollows';
const RECORDS = '/xrpc/com.atproto.repo.listRecords';
const calls = (server: ApiServer, path: string) => server.received.filter((r) => r.url.pathname === path);
const ids = (list: { following: { id: string | null }[] }) => list.following.map((f) => f.id);

describe('Bluesky live fetch', () => {
  it("reads every follow record from the account's own server and names what the AppView still knows", async () => {
    const context = await setup();
    const { list, resume } = await bluesky.fetchFollowing!(context);
    expect(list).toMatchObject({ complete: true, error: null, source: 'api', file: null });
    expect(list.following).toHaveLength(253);
    expect(list.following[0]).toEqual({
      id: 'did:plc:sample0',
      handle: 'sample0.example.org',
      name: 'Sample 0',
      url: 'https://bsky.app/profile/sample0.example.org',
    });
    expect(list.following.find((f) => f.id === BLOCKING.did)?.handle).toBe('blocking.example.org');
    for (const did of [DELETED.did, NEVER_REGISTERED])
      expect(list.following.find((f) => f.id === did)).toEqual({
        id: did,
        handle: null,
        name: null,
        url: `https://bsky.app/profile/${did}`,
      });
    expect(list.notes.join(' ')).toContain("3 followed accounts missing from the AppView's list");
    expect(resume).toBeUndefined();
    expect(calls(network.appview, FOLLOWS)).toHaveLength(3);
    expect(calls(network.appview, FOLLOWS)[0]!.url.searchParams.get('limit')).toBe('100');
    expect(calls(network.appview, RECORDS)).toHaveLength(0);
    expect(calls(network.pds, RECORDS).map((r) => r.url.searchParams.get('repo'))).toEqual([
      SUBJECT,
      SUBJECT,
      SUBJECT,
    ]);
    expect(network.pds.received.every((r) => !r.url.pathname.startsWith('/xrpc/app.bsky.'))).toBe(true);
    expect(context.messages).toContain('chapter-bluesky: follows, page 3, 250 so far');
  });

  it('never calls a list complete that is shorter than followsCount when the records cannot be read', async () => {
    // The DID directory cannot be reached: only the AppView's list is left, 3 short.
    const context = await setup(chapter.handle, { plcUrl: 'http://127.0.0.1:9' });
    const { list } = await bluesky.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.following).toHaveLength(250);
    expect(list.error).toMatch(
      /^Bluesky counts 253 follows for this account but listed only 250, so 3 are missing: the AppView leaves out follows of deleted, deactivated and taken-down accounts, and the account's own follow records, which name them, could not be read from its server \(its server could not be found: /,
    );
  });

  it('says so when the DID directory knows no such DID', async () => {
    const context = await setup();
    network.plc.queue(`/${encodeURIComponent(SUBJECT)}`, {
      status: 404,
      body: { message: `DID not registered: ${SUBJECT}` },
    });
    const { list } = await bluesky.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.error).toContain(`no DID document for ${SUBJECT}`);
  });

  it('keeps an AppView list that has every counted follow when the records cannot be read', async () => {
    const context = await setup(laborCircle.handle, { plcUrl: 'http://127.0.0.1:9' });
    const { list } = await bluesky.fetchFollowing!(context);
    expect(list.complete).toBe(true);
    expect(list.following).toHaveLength(150);
    expect(list.notes.join(' ')).toContain('but the AppView lists every follow the profile counts');
  });

  it("finds a did:web account's server through its own /.well-known/did.json", async () => {
    let pdsUrl = '';
    const host = await startApiServer({
      '/.well-known/did.json': () => ({ body: didDocument(account, pdsUrl) }),
    });
    const account: NetworkAccount = {
      did: `did:web:localhost%3A${new URL(host.url).port}`,
      handle: 'webdsa.example.org',
      follows: [visible[0]!.did, NEVER_REGISTERED],
    };
    network = await startBlueskyNetwork([account, ...visible]);
    pdsUrl = network.pds.url;
    const context = liveContext('bluesky', account.handle, { apiUrl: network.appview.url });
    context.account.plcUrl = network.plc.url;
    const { list } = await bluesky.fetchFollowing!(context);
    await host.close();
    expect(list.complete).toBe(true);
    expect(ids(list)).toEqual([visible[0]!.did, NEVER_REGISTERED]);
    expect(host.received.map((r) => r.url.pathname)).toEqual(['/.well-known/did.json']);
    expect(network.plc.received).toHaveLength(0);
  });

  it("explains an api_url that is the account's own server, which answers app.bsky.* 401", async () => {
    const context = await setup();
    context.account.apiUrl = network.pds.url;
    const { list } = await bluesky.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.error).toContain('401');
    expect(list.error).toContain('api_url must be a Bluesky AppView');
  });

  it('waits out a 429 by RateLimit-Reset and retries a 5xx, and still completes', async () => {
    const context = await setup();
    network.appview.queue(
      FOLLOWS,
      null,
      { status: 429, headers: { 'RateLimit-Reset': unixAfter(7) } },
      { status: 503 },
    );
    const { list } = await bluesky.fetchFollowing!(context);
    expect(list.complete).toBe(true);
    expect(list.following).toHaveLength(253);
    expect(context.slept.filter((ms) => ms === 1000).length).toBeGreaterThanOrEqual(7);
  });

  it('reports a server that keeps failing as incomplete', async () => {
    const context = await setup();
    network.appview.queue(
      FOLLOWS,
      ...Array.from({ length: 4 }, () => ({ status: 502, body: { error: 'UpstreamFailure' } })),
    );
    const { list } = await bluesky.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.error).toContain('502');
    expect(calls(network.appview, FOLLOWS)).toHaveLength(4);
  });

  it('reports malformed JSON, keeping the pages already read', async () => {
    const context = await setup();
    network.appview.queue(FOLLOWS, null, { body: '<html>oops' });
    const { list } = await bluesky.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.error).toContain('malformed JSON');
    expect(list.following).toHaveLength(100);
  });

  it('stops on a cursor that repeats', async () => {
    const context = await setup();
    const again = {
      body: { subject: { did: SUBJECT, handle: chapter.handle }, follows: [], cursor: 'again' },
    };
    network.appview.queue(FOLLOWS, again, again);
    const { list } = await bluesky.fetchFollowing!(context);
    expect(list.complete).toBe(false);
    expect(list.error).toContain('same page cursor');
  });

  it('stops at a rate limit on the follow records with a cursor, and resumes from it', async () => {
    const context = await setup(chapter.handle, { maxWaitSeconds: 30 });
    network.pds.queue(RECORDS, null, { status: 429, headers: { 'RateLimit-Reset': unixAfter(600) } });
    const first = await bluesky.fetchFollowing!(context);
    expect(first.list.complete).toBe(false);
    expect(first.list.error).toContain('--max-wait 30s');
    expect(first.resume).toMatchObject({ accountId: SUBJECT, state: { phase: 'records', cursor: '100' } });
    const before = calls(network.appview, FOLLOWS).length;
    const second = await bluesky.fetchFollowing!({
      ...context,
      resume: JSON.parse(JSON.stringify(first.resume)),
    });
    expect(second.list.complete).toBe(true);
    expect(second.list.following).toHaveLength(253);
    expect(calls(network.appview, FOLLOWS).length - before).toBe(0);
    expect(second.list.notes[0]).toContain('continued an earlier fetch');
  });

  describe('with a saved cursor of the AppView list', () => {
    cursorCases({
      platform: 'bluesky',
      fetch: (context) => bluesky.fetchFollowing!(context),
      setup: (handle) => setup(handle),
      stoppedRun: async (handle) => {
        const context = await setup(handle, { maxWaitSeconds: 30 });
        network.appview.queue(FOLLOWS, null, { status: 429, headers: { 'RateLimit-Reset': unixAfter(600) } });
        const { resume } = await bluesky.fetchFollowing!(context);
        await network.close();
        return JSON.parse(JSON.stringify(resume ?? null));
      },
      pages: () => calls(network.appview, FOLLOWS).map((r) => r.url.searchParams.get('cursor')),
      owner: {
        handle: chapter.handle,
        id: SUBJECT,
        following: [...visible.map((p) => p.did), BLOCKING.did, DELETED.did, NEVER_REGISTERED],
      },
      other: { handle: laborCircle.handle, id: laborCircle.did },
    });
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
