// The account's own follow records (app.bsky.graph.follow), from its own server (PDS), found
// through its DID document: they name every follow, also of accounts the AppView no longer shows.
import { type ApiClient, ApiError } from '../../net/http.js';
import { collectPages, type Paged, type PageState } from '../../net/pages.js';
import type { LiveContext } from '../types.js';
import { findPds, listFollowRecords, PLC_DIRECTORY } from './xrpc.js';

/** The DIDs the account follows, from where `start` stopped; a rate limit leaves a resume point. */
export async function ownFollowRecords(
  context: LiveContext,
  client: ApiClient,
  did: string,
  plcUrl: string = PLC_DIRECTORY,
  start: PageState<string> | null,
): Promise<Paged<string>> {
  const from = start ?? { cursor: null, items: [] };
  let pds: string;
  try {
    pds = await findPds(client, did, plcUrl);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const why = error.status === 404 ? `no DID document for ${did} (${error.message})` : error.message;
    const resume = error.kind === 'rate-limit' ? from : null;
    return { items: from.items, complete: false, error: `its server could not be found: ${why}`, resume };
  }
  return collectPages(context, 'follow records', from, (cursor) =>
    listFollowRecords(client, pds, did, cursor),
  );
}
