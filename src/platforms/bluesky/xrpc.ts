// The XRPC calls a Bluesky fetch makes. Lexicons: bluesky-social/atproto lexicons/app/bsky/graph/
// getFollows.json, app/bsky/actor/getProfile.json and getProfiles.json,
// com/atproto/repo/listRecords.json; DID documents as https://atproto.com/specs/did describes.

import type { Followed } from '../../model.js';
import { type ApiClient, apiUrl, unexpectedShape } from '../../net/http.js';
import type { Page } from '../../net/pages.js';

export const APPVIEW = 'https://public.api.bsky.app';
export const PLC_DIRECTORY = 'https://plc.directory';
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

/** The account's DID and the number of accounts it follows, as its AppView profile states them. */
export async function getProfile(
  client: ApiClient,
  base: string,
  actor: string,
): Promise<{ did: string; followsCount: number | null }> {
  const { data } = await client.getJson(apiUrl(base, '/xrpc/app.bsky.actor.getProfile', { actor }));
  if (!isProfile(data)) throw unexpectedShape('Bluesky', 'getProfile');
  const count = (data as { followsCount?: unknown }).followsCount;
  return { did: data.did, followsCount: typeof count === 'number' ? count : null };
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

/**
 * The server (PDS) that hosts a DID's repository, from its DID document: did:plc at the PLC
 * directory, did:web at the host's /.well-known/did.json (over http for localhost, as the
 * reference resolver does: bluesky-social/atproto packages/identity/src/did/web-resolver.ts).
 */
export async function findPds(client: ApiClient, did: string, plcUrl: string): Promise<string> {
  const { data } = await client.getJson(didDocumentUrl(did, plcUrl));
  const doc = data as { id?: unknown; service?: { id?: string; serviceEndpoint?: unknown }[] };
  const services = Array.isArray(doc.service) ? doc.service : [];
  const pds = services.find((s) => s?.id === '#atproto_pds' || s?.id === `${did}#atproto_pds`);
  if (doc.id !== did || typeof pds?.serviceEndpoint !== 'string')
    throw unexpectedShape('the DID directory', `the DID document of ${did}`);
  return pds.serviceEndpoint;
}

function didDocumentUrl(did: string, plcUrl: string): string {
  if (!did.startsWith('did:web:')) return apiUrl(plcUrl, `/${encodeURIComponent(did)}`);
  const url = new URL(`https://${decodeURIComponent(did.slice('did:web:'.length))}/.well-known/did.json`);
  if (url.hostname === 'localhost') url.protocol = 'http';
  return url.toString();
}
