// The XRPC calls a Bluesky fetch makes. Lexicons: bluesky-social/atproto lexicons/app/bsky/graph/
// getFollows.json, app/bsky/actor/getProfiles.json, com/atproto/repo/listRecords.json.

import type { Followed } from '../../model.js';
import { type ApiClient, apiUrl, unexpectedShape } from '../../net/http.js';
import type { Page } from '../../net/pages.js';

export const APPVIEW = 'https://public.api.bsky.app';
const PLC_DIRECTORY = 'https://plc.directory';
const PROFILES_PER_CALL = 25;

interface ProfileView {
  did: string;
  handle: string;
  displayName?: string;
}

const isProfile = (v: unknown): v is ProfileView =>
  typeof v === 'object' && v !== null && typeof (v as ProfileView).did === 'string';

export function followedOf(profile: ProfileView): Followed {
  const handle = profile.handle && profile.handle !== 'handle.invalid' ? profile.handle : null;
  return {
    id: profile.did,
    handle,
    name: profile.displayName?.trim() || null,
    url: `https://bsky.app/profile/${handle ?? profile.did}`,
  };
}

export async function getFollowsPage(
  client: ApiClient,
  base: string,
  actor: string,
  cursor: string | null,
): Promise<Page<Followed> & { subject: string | null }> {
  const { data } = await client.getJson(
    apiUrl(base, '/xrpc/app.bsky.graph.getFollows', { actor, limit: '100', cursor }),
  );
  const body = data as { follows?: unknown; cursor?: unknown; subject?: { did?: unknown } };
  if (!Array.isArray(body.follows) || !body.follows.every(isProfile))
    throw unexpectedShape('Bluesky', 'getFollows');
  return {
    items: body.follows.map(followedOf),
    next: typeof body.cursor === 'string' ? body.cursor : null,
    subject: typeof body.subject?.did === 'string' ? body.subject.did : null,
  };
}

/** One page of the account's own follow records: the DIDs it follows, hidden ones included. */
export async function listFollowRecords(
  client: ApiClient,
  pds: string,
  did: string,
  cursor: string | null,
): Promise<Page<string>> {
  const { data } = await client.getJson(
    apiUrl(pds, '/xrpc/com.atproto.repo.listRecords', {
      repo: did,
      collection: 'app.bsky.graph.follow',
      limit: '100',
      cursor,
    }),
  );
  const body = data as { records?: { value?: { subject?: unknown } }[]; cursor?: unknown };
  if (!Array.isArray(body.records)) throw unexpectedShape('Bluesky', 'listRecords');
  const subjects = body.records
    .map((r) => r?.value?.subject)
    .filter((s): s is string => typeof s === 'string');
  return { items: subjects, next: typeof body.cursor === 'string' ? body.cursor : null };
}

/** Profiles of DIDs or handles, 25 a call; accounts the AppView does not know are left out. */
export async function getProfiles(client: ApiClient, base: string, actors: string[]): Promise<ProfileView[]> {
  const found: ProfileView[] = [];
  for (let i = 0; i < actors.length; i += PROFILES_PER_CALL) {
    const { data } = await client.getJson(
      apiUrl(base, '/xrpc/app.bsky.actor.getProfiles', { actors: actors.slice(i, i + PROFILES_PER_CALL) }),
    );
    const profiles = (data as { profiles?: unknown }).profiles;
    if (!Array.isArray(profiles)) throw unexpectedShape('Bluesky', 'getProfiles');
    found.push(...profiles.filter(isProfile));
  }
  return found;
}

/** The PDS that hosts a DID's repository, from its DID document (atproto.com/specs/did). */
export async function findPds(client: ApiClient, did: string): Promise<string> {
  const url = did.startsWith('did:web:')
    ? `https://${decodeURIComponent(did.slice('did:web:'.length))}/.well-known/did.json`
    : `${PLC_DIRECTORY}/${did}`;
  const { data } = await client.getJson(url);
  const services = (data as { service?: { id?: string; serviceEndpoint?: unknown }[] }).service;
  const pds = Array.isArray(services)
    ? services.find((s) => s?.id === '#atproto_pds' || s?.id === `${did}#atproto_pds`)
    : undefined;
  if (typeof pds?.serviceEndpoint !== 'string')
    throw unexpectedShape('the DID directory', `the DID document of ${did}`);
  return pds.serviceEndpoint;
}
