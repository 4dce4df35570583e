// Bluesky's following list. The AppView (api_url, default public.api.bsky.app) names the accounts,
// but its getFollows leaves out follows of deleted, deactivated and taken-down accounts and of DIDs
// that never had one, while getProfile's followsCount still counts them
// (bluesky-social/atproto packages/bsky/src/api/app/bsky/graph/getFollows.ts). The account's own
// follow records name every one: they are on its own server (PDS), found through its DID document,
// which serves com.atproto.repo.listRecords without a login (an AppView answers it 501).
import type { Followed } from '../../model.js';
import { type ApiClient, ApiError, createClient } from '../../net/http.js';
import { collectPages, type PageState, pageStateOf } from '../../net/pages.js';
import { blueskyReset } from '../../net/rate-limit.js';
import { plural } from '../../util/text.js';
import { distinct, shortOfCount } from '../count.js';
import { resumeCursor, saveCursor } from '../cursor.js';
import { isFollowed, liveResult, notFetched, resumeNote } from '../live.js';
import type { LiveContext, LiveResult, ParsedRef } from '../types.js';
import { ownFollowRecords } from './records.js';
import { APPVIEW, followedOf, getFollowsPage, getProfile, getProfiles } from './xrpc.js';

type State =
  | ({ phase: 'follows' } & PageState<Followed>)
  | ({ phase: 'records'; follows: Followed[] } & PageState<string>);

const clientFor = (context: LiveContext) =>
  createClient(context, { label: 'Bluesky', resetWait: blueskyReset });

export async function fetchFollowing(context: LiveContext): Promise<LiveResult> {
  const appview = context.account.apiUrl ?? APPVIEW;
  const client = clientFor(context);
  let profile: Awaited<ReturnType<typeof getProfile>>;
  try {
    profile = await getProfile(client, appview, context.account.id ?? context.account.handle);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return notFetched(context, explainAppView(error));
  }
  const { did, followsCount } = profile;
  const resumed = resumeCursor(context, did, readState);
  const saved = resumed.state;
  const notes = [...resumed.notes, ...(saved ? [resumeNote(carried(saved))] : [])];
  const stopped = (following: Followed[], error: string | null, state: State | null) =>
    liveResult(context, {
      following,
      complete: false,
      error,
      notes,
      resume: state ? saveCursor(context, did, state) : null,
    });

  let follows: Followed[];
  if (saved?.phase === 'records') follows = saved.follows;
  else {
    const paged = await collectPages(context, 'follows', saved ?? { cursor: null, items: [] }, (cursor) =>
      getFollowsPage(client, appview, did, cursor),
    );
    const error = paged.cause ? explainAppView(paged.cause) : paged.error;
    if (!paged.complete)
      return stopped(paged.items, error, paged.resume && { phase: 'follows', ...paged.resume });
    follows = distinct(paged.items);
  }

  const plcUrl = context.account.plcUrl ?? undefined;
  const records = await ownFollowRecords(
    context,
    client,
    did,
    plcUrl,
    saved?.phase === 'records' ? saved : null,
  );
  if (records.complete) {
    const following = await withHidden(client, appview, follows, records.items, notes);
    if (followsCount !== null && following.length < followsCount)
      notes.push(
        `Bluesky counts ${plural(followsCount, 'follow')}, and the account's own follow records name ${following.length}`,
      );
    return liveResult(context, { following, complete: true, error: null, notes });
  }
  if (records.resume)
    return stopped(follows, records.error, { phase: 'records', follows, ...records.resume });
  const why = `the account's own follow records, which name them, could not be read from its server (${records.error})`;
  if (followsCount === null)
    return stopped(follows, `the AppView did not say how many accounts this one follows, and ${why}`, null);
  const short = shortOfCount(
    follows.length,
    followsCount,
    'Bluesky',
    `the AppView leaves out follows of deleted, deactivated and taken-down accounts, and ${why}`,
  );
  if (short) return stopped(follows, short, null);
  notes.push(
    `${why.replace(', which name them,', '')}, but the AppView lists every follow the profile counts`,
  );
  return liveResult(context, { following: follows, complete: true, error: null, notes });
}

/** An AppView refusal in words a volunteer can act on: a PDS as api_url answers app.bsky.* 401. */
function explainAppView(error: ApiError): string {
  if (error.status === 401)
    return `${error.message}. api_url must be a Bluesky AppView (such as ${APPVIEW}), not the account's own server, which serves these calls only with a login: set api_url to an AppView or remove it`;
  return error.message;
}

/** Adds the followed DIDs the AppView left out, named where the AppView still knows them. */
async function withHidden(
  client: ApiClient,
  base: string,
  follows: Followed[],
  recordDids: string[],
  notes: string[],
): Promise<Followed[]> {
  const byDid = new Map(follows.map((f) => [f.id, f]));
  const hidden = [...new Set(recordDids)].filter((d) => !byDid.has(d));
  if (hidden.length === 0) return [...byDid.values()];
  const named = new Map<string, Followed>();
  try {
    for (const profile of await getProfiles(client, base, hidden))
      named.set(profile.did, followedOf(profile));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    notes.push(`followed accounts missing from the AppView could not be named (${error.message})`);
  }
  notes.push(
    `${plural(hidden.length, 'followed account')} missing from the AppView's list (deleted, deactivated, taken down or never registered) added from the account's own follow records`,
  );
  const added = hidden.map(
    (did) => named.get(did) ?? { id: did, handle: null, name: null, url: `https://bsky.app/profile/${did}` },
  );
  return [...byDid.values(), ...added];
}

export async function lookup(refs: ParsedRef[], context: LiveContext): Promise<ParsedRef[]> {
  const actors = refs.map((r) => r.id ?? r.handle).filter((a): a is string => !!a);
  const profiles = await getProfiles(clientFor(context), context.account.apiUrl ?? APPVIEW, actors);
  return profiles.map((p) => ({ id: p.did, handle: followedOf(p).handle }));
}

const carried = (state: State) => state.items.length + (state.phase === 'records' ? state.follows.length : 0);

function readState(value: unknown): State | null {
  const v = value as Partial<Record<string, unknown>> | null;
  if (v?.phase === 'follows') {
    const state = pageStateOf(v, isFollowed);
    return state ? { phase: 'follows', ...state } : null;
  }
  if (v?.phase === 'records' && Array.isArray(v.follows) && v.follows.every(isFollowed)) {
    const state = pageStateOf(v, (s): s is string => typeof s === 'string');
    return state ? { phase: 'records', follows: v.follows, ...state } : null;
  }
  return null;
}
