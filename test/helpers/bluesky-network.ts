// A local Bluesky network shaped like the reference implementation's (@atproto/dev-env): a PLC
// directory, the accounts' own server (PDS) and the AppView, each a separate server on its own
// port. As there, the AppView answers com.atproto.repo.listRecords 501 and leaves out of getFollows
// the follows of accounts it has no row for (deleted, never registered) or that block the actor,
// while getProfile's
// followsCount counts every follow record; the PDS serves listRecords without a login and answers
// app.bsky.* 401 without a session; the PLC directory answers an unknown DID 404.
// https://github.com/bluesky-social/atproto/tree/main/packages/bsky/src/api/app/bsky/graph
import { type ApiServer, type Reply, type Route, slice, startApiServer } from './api-server.js';

export interface NetworkAccount {
  did: string;
  handle: string;
  displayName?: string;
  /** DIDs it follows, in the order its follow records list them. */
  follows?: string[];
  /** Deleted: gone from the AppView and the PDS, still in the PLC directory. */
  deleted?: boolean;
  /** Hosted on another server than this network's PDS (its DID document says where). */
  pds?: string;
  /** DIDs it blocks: the AppView leaves its follows by them out of getFollows, not of getProfiles. */
  blocks?: string[];
}

export interface BlueskyNetwork {
  appview: ApiServer;
  pds: ApiServer;
  plc: ApiServer;
  accounts: NetworkAccount[];
  close(): Promise<void>;
}

const xrpcError = (status: number, error: string, message: string): Reply => ({
  status,
  body: { error, message },
});
const NOT_IMPLEMENTED = xrpcError(501, 'MethodNotImplemented', 'Method Not Implemented');

export async function startBlueskyNetwork(accounts: NetworkAccount[]): Promise<BlueskyNetwork> {
  const live = (actor: string | null) =>
    accounts.find((a) => !a.deleted && (a.did === actor || a.handle === actor));
  const view = (a: NetworkAccount) => ({ did: a.did, handle: a.handle, displayName: a.displayName });
  const pds = await startApiServer(
    {
      '/xrpc/com.atproto.repo.listRecords': (url) => {
        const repo = live(url.searchParams.get('repo'));
        if (!repo)
          return xrpcError(400, 'InvalidRequest', `Could not find repo: ${url.searchParams.get('repo')}`);
        const all =
          url.searchParams.get('collection') === 'app.bsky.graph.follow' ? (repo.follows ?? []) : [];
        const page = slice(all, url.searchParams.get('cursor'), Number(url.searchParams.get('limit') ?? 50));
        const records = page.items.map((subject, i) => ({
          uri: `at://${repo.did}/app.bsky.graph.follow/3kfollow${i}`,
          cid: `bafyreisample${i}`,
          value: { $type: 'app.bsky.graph.follow', subject, createdAt: '2026-01-01T00:00:00.000Z' },
        }));
        return { body: { records, ...(page.next ? { cursor: page.next } : {}) } };
      },
    },
    (url) =>
      url.pathname.startsWith('/xrpc/app.bsky.')
        ? xrpcError(401, 'AuthMissing', 'Authentication Required')
        : NOT_IMPLEMENTED,
  );
  const appview = await startApiServer(
    {
      '/xrpc/app.bsky.actor.getProfile': (url) => {
        const a = live(url.searchParams.get('actor'));
        if (!a) return xrpcError(400, 'InvalidRequest', 'Profile not found');
        return { body: { ...view(a), followsCount: a.follows?.length ?? 0, followersCount: 0 } };
      },
      '/xrpc/app.bsky.graph.getFollows': (url) => {
        const a = live(url.searchParams.get('actor'));
        if (!a) return xrpcError(400, 'InvalidRequest', `Actor not found: ${url.searchParams.get('actor')}`);
        const shown = (a.follows ?? []).flatMap((did) => {
          const f = live(did);
          return f && !f.blocks?.includes(a.did) ? [view(f)] : [];
        });
        const page = slice(
          shown,
          url.searchParams.get('cursor'),
          Number(url.searchParams.get('limit') ?? 50),
        );
        return {
          body: { subject: view(a), follows: page.items, ...(page.next ? { cursor: page.next } : {}) },
        };
      },
      '/xrpc/app.bsky.actor.getProfiles': (url) => ({
        body: {
          profiles: url.searchParams
            .getAll('actors')
            .flatMap((actor) => live(actor) ?? [])
            .map(view),
        },
      }),
    },
    () => NOT_IMPLEMENTED,
  );
  const plc = await startApiServer({}, plcDirectory(accounts, pds.url));
  return {
    appview,
    pds,
    plc,
    accounts,
    close: async () => {
      await Promise.all([appview.close(), pds.close(), plc.close()]);
    },
  };
}

/** did:plc documents, registered for every account the network ever had. */
function plcDirectory(accounts: NetworkAccount[], pdsUrl: string): Route {
  return (url) => {
    const did = decodeURIComponent(url.pathname.slice(1));
    const account = accounts.find((a) => a.did === did && did.startsWith('did:plc:'));
    if (!account) return { status: 404, body: { message: `DID not registered: ${did}` } };
    return { body: didDocument(account, account.pds ?? pdsUrl) };
  };
}

/** A DID document as https://atproto.com/specs/did describes it, naming the account's PDS. */
export function didDocument(account: NetworkAccount, pdsUrl: string) {
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: account.did,
    alsoKnownAs: [`at://${account.handle}`],
    verificationMethod: [
      {
        id: `${account.did}#atproto`,
        type: 'Multikey',
        controller: account.did,
        publicKeyMultibase: 'zQ3shSampleKeyNotARealKey',
      },
    ],
    service: [{ id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: pdsUrl }],
  };
}
