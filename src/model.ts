// The data every part of follow-audit passes around. The core knows only these types, never a
// file format or an output format; of the platforms it knows only how each writes an account
// (handles, ids, profile links), and only through core/identity.ts.

export const PLATFORMS = [
  'x',
  'bluesky',
  'mastodon',
  'instagram',
  'facebook',
  'youtube',
  'tiktok',
  'twitch',
  'threads',
] as const;
export type Platform = (typeof PLATFORMS)[number];

/** How every message lists the platforms. */
export const PLATFORM_CHOICES = `one of ${PLATFORMS.join(', ')}`;

/** Names a volunteer may write for a platform, mapped to the platform. */
export const PLATFORM_ALIASES: Record<string, Platform> = { twitter: 'x' };

/** What a live fetch needs to know of the audited account. */
export interface LiveAccount {
  name: string;
  platform: Platform;
  /** Normalized for matching and API lookups. */
  handle: string;
  id: string | null;
  /** The API server policy.yaml names, else the platform's own. */
  apiUrl: string | null;
  /** Bluesky: the DID directory that finds the account's own server (else plc.directory). */
  plcUrl?: string | null;
}

/** One account as a source or an allowlist names it. Anything unknown is null. */
export interface AccountRef {
  id: string | null;
  handle: string | null;
  name: string | null;
  url: string | null;
}

/** An account named on one platform by handle or id, as a volunteer or a member writes it. */
export interface PlatformRef {
  platform: Platform;
  id: string | null;
  handle: string | null;
}

/** One followed account, as a following list gives it. */
export interface Followed extends AccountRef {
  /** When the follow began, where the source says (ISO date or date-time). */
  followedAt?: string | null;
}

export type SourceKind = 'api' | 'export' | 'csv' | 'snapshot' | 'import';

/** What every source (API, export, CSV, snapshot) yields. */
export interface FollowingList {
  platform: Platform;
  account: string;
  handle: string;
  source: SourceKind;
  /** The file read, relative to the config folder, or null for a live fetch. */
  file: string | null;
  fetchedAt: string | null;
  /** The day the list describes, where a source says (an import: the export's date). */
  listDate?: Day | null;
  complete: boolean;
  /** Why the list is incomplete, in words a volunteer can act on. */
  error: string | null;
  following: Followed[];
  /** Facts worth telling about the list (deleted accounts skipped, a stale snapshot, …). */
  notes: string[];
}

/** What a source found; `followingList` adds whose list it is. */
export interface ListParts {
  source: SourceKind;
  file?: string | null;
  fetchedAt?: string | null;
  listDate?: Day | null;
  following?: Followed[];
  notes?: string[];
  /** Why the list is not the whole list, in words a volunteer can act on; null when it is whole. */
  incomplete: string | null;
}

/** The one way a source makes a list: it is complete exactly when no reason says otherwise. */
export function followingList(
  owner: Pick<LiveAccount, 'name' | 'platform' | 'handle'>,
  parts: ListParts,
): FollowingList {
  return {
    platform: owner.platform,
    account: owner.name,
    handle: owner.handle,
    source: parts.source,
    file: parts.file ?? null,
    fetchedAt: parts.fetchedAt ?? null,
    ...(parts.listDate === undefined ? {} : { listDate: parts.listDate }),
    complete: parts.incomplete === null,
    error: parts.incomplete,
    following: parts.following ?? [],
    notes: parts.notes ?? [],
  };
}

/** A calendar day, YYYY-MM-DD, in the policy's timezone. */
export type Day = string;

/** Where something was written, for messages and reports. */
export interface Position {
  file: string;
  line: number;
  column: number;
}
