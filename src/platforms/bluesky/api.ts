// Bluesky's following list: the AppView's getFollows, completed from the account's own follow
// records on its PDS, because the AppView leaves out blocked and taken-down accounts
// (bluesky-social/atproto packages/bsky/src/api/app/bsky/graph/getFollows.ts).
import type { Followed } from '../../model.js';
import { type ApiClient, ApiError, createClient } from '../../net/http.js';
import { collectPages, type PageState, pageStateOf } from '../../net/pages.js';
import { blueskyReset } from '../../net/rate-limit.js';
import { plural } from '../../util/text.js';
import { isFollowed, liveResult, resumeNote } from '../live.js';
import type { LiveContext, LiveResult, ParsedRef } from '../types.js';
import { APPVIEW, findPds, followedOf, getFollowsPage, getProfiles, listFollowRecords } from './xrpc.js';

type Resume =
  | ({ phase: 'follows' } & PageState<Followed>)
  | ({ phase: 'records'; did: string; follows: Followed[] } & PageState<string>);

const clientFor = (context: LiveContext) =>
  createClient(context, { label: 'Bluesky', resetWait: blueskyReset });

export async function fetchFollowing(context: LiveContext): Promise<LiveResult> {
  const base = context.account.apiUrl ?? APPVIEW;
  const client = clientFor(context);
  const saved = readResume(context.resume);
  const notes = saved
    ? [resumeNote(saved.items.length + (saved.phase === 'records' ? saved.follows.length : 0))]
    : [];
  const configured = context.account.id?.startsWith('did:') ? context.account.id : null;
  let did = saved?.phase === 'records' ? saved.did : configured;

  let follows: Followed[];
  if (saved?.phase === 'records') follows = saved.follows;
  else {
    const actor = did ?? context.account.handle;
    const paged = await collectPages(
      context,
      'follows',
      saved ?? { cursor: null, items: [] },
      async (cursor) => {
        const page = await getFollowsPage(client, base, actor, cursor);
        did ??= page.subject;
        return page;
      },
    );
    if (!paged.complete) {
      const resume = paged.resume ? { phase: 'follows', ...paged.resume } : undefined;
      return liveResult(context, {
        following: paged.items,
        complete: false,
        error: paged.error,
        notes,
        resume,
      });
    }
    follows = paged.items;
  }
  if (!did) {
    notes.push(APPVIEW_ONLY);
    return liveResult(context, { following: follows, complete: true, error: null, notes });
  }

  const pds = context.account.apiUrl ?? (await locatePds(client, did));
  if (pds instanceof ApiError) {
    const error = `cannot find where the account's own follow records are kept: ${pds.message}`;
    return liveResult(context, { following: follows, complete: false, error, notes });
  }
  const start = saved?.phase === 'records' ? saved : { cursor: null, items: [] };
  const records = await collectPages(context, 'follow records', start, (cursor) =>
    listFollowRecords(client, pds, did!, cursor),
  );
  if (!records.complete) {
    if (notOffered(records.cause) && records.items.length === 0) {
      notes.push(APPVIEW_ONLY);
      return liveResult(context, { following: follows, complete: true, error: null, notes });
    }
    const error = `the account's own follow records could not be read in full: ${records.error}`;
    const resume = records.resume ? { phase: 'records', did, follows, ...records.resume } : undefined;
    return liveResult(context, { following: follows, complete: false, error, notes, resume });
  }
  const following = await withHidden(client, base, follows, records.items, notes);
  return liveResult(context, { following, complete: true, error: null, notes });
}

const APPVIEW_ONLY =
  "the account's own follow records could not be listed here, so this list comes from the AppView alone, which may omit blocked or taken-down accounts";

/** A server without listRecords (a proxy, a bare AppView) answers 400, 404 or 501. */
const notOffered = (cause: ApiError | undefined) =>
  cause?.kind === 'status' && [400, 404, 501].includes(cause.status ?? 0);

async function locatePds(client: ApiClient, did: string): Promise<string | ApiError> {
  try {
    return await findPds(client, did);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
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
    `${plural(hidden.length, 'followed account')} missing from the AppView's list (blocked, taken down or deleted) added from the account's own follow records`,
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

function readResume(value: unknown): Resume | null {
  const v = value as Partial<Record<string, unknown>> | null;
  if (v?.phase === 'follows') {
    const state = pageStateOf(v, isFollowed);
    return state ? { phase: 'follows', ...state } : null;
  }
  if (
    v?.phase === 'records' &&
    typeof v.did === 'string' &&
    Array.isArray(v.follows) &&
    v.follows.every(isFollowed)
  ) {
    const state = pageStateOf(v, (s): s is string => typeof s === 'string');
    return state ? { phase: 'records', did: v.did, follows: v.follows, ...state } : null;
  }
  return null;
}
