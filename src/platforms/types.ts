import type { Followed, FollowingList, LiveAccount, Platform } from '../model.js';
import type { NetContext } from '../net/context.js';

/** What a volunteer's "handle, @handle or profile URL" says about an account. */
export interface ParsedRef {
  id: string | null;
  handle: string | null;
}

/** One file of a platform's own data download (a file on disk or a member of its ZIP). */
export interface ExportFile {
  /** The path as the user wrote it, with `!member` appended for a ZIP member. */
  path: string;
  /** Path inside the archive, or the file's own name. */
  name: string;
  bytes: Uint8Array;
  text(): string;
}

export interface ExportResult {
  following: Followed[];
  notes: string[];
  /** When the export was made, where the file says so. */
  fetchedAt?: string | null;
}

/** One file format of a platform's data download. */
export interface ExportFormat {
  /** e.g. "X archive (data/following.js)". */
  name: string;
  /** Matches this file's path inside the downloaded ZIP. */
  member: RegExp;
  /** Recognizes the format by content, never by file name. */
  detect(file: ExportFile): boolean;
  /** Throws SourceError when the file is truncated or corrupt. May load its decoder lazily. */
  parse(file: ExportFile): ExportResult | Promise<ExportResult>;
}

/** What a download records about itself: whose it is and when it was made. */
export interface ExportAbout {
  /** The account the download belongs to. */
  owner: ParsedRef | null;
  /** When the platform made the download (ISO date-time), where it says so. */
  createdAt: string | null;
  /** Why the download lacks part of the following list (a partial archive), if it does. */
  missing: string | null;
}

/** Reads one file of a download that tells whose it is or when it was made. */
export interface ExportAboutReader {
  /** The file's path inside the downloaded ZIP. */
  member: RegExp;
  /** The following list's own file tells: a loose file of that format is read too. */
  inList?: boolean;
  /** What the file says; fields it does not give are left out. Never throws. */
  read(file: ExportFile, members: readonly string[]): Partial<ExportAbout> | Promise<Partial<ExportAbout>>;
}

/** Everything a live fetch may use; tests inject fetch, clock and sleep. */
export interface LiveContext extends NetContext {
  account: LiveAccount;
  /** Spending allowed on paid APIs without asking. */
  maxCostUsd: number;
  interactive: boolean;
  /** Asks the person at the terminal a yes/no question (interactive runs only). */
  confirm?(question: string): Promise<boolean>;
  /** Where an earlier incomplete fetch stopped, to resume from. */
  resume: unknown;
}

export interface LiveResult {
  list: FollowingList;
  /** Saved with an incomplete snapshot so the next run resumes there. */
  resume?: unknown;
}

export interface PlatformAdapter {
  platform: Platform;
  /** As people write it: "X", "Bluesky". */
  label: string;
  /** Hosts of profile URLs (without www.), to tell the platform from a pasted URL. */
  hosts: readonly string[];
  /** Reads a handle, @handle, id or profile URL; returns an explanation when it cannot. */
  parse(text: string): ParsedRef | string;
  /** Puts a handle given by a source into the form used for matching. */
  normalizeHandle(handle: string): string;
  /** Whether handles are ASCII only: any other character in one makes another account. */
  asciiOnly: boolean;
  /**
   * A handle as a source of the audited account `own` wrote it, in the form it has anywhere:
   * Mastodon lists an account of the same instance as "user". Other platforms keep it as is.
   */
  qualifyHandle(handle: string, own: string): string;
  profileUrl(ref: ParsedRef): string | null;
  /** The platform's data-download formats, if any. */
  exports?: readonly ExportFormat[];
  /** The files of a download that name its owner or its date. */
  about?: readonly ExportAboutReader[];
  /** The owner's handle in the download's own file name (`instagram-<handle>-2026-11-20-….zip`). */
  ownerInName?: RegExp;
  /**
   * Live fetch through the platform's API, where one exists. What the platform or the setup refuses
   * (no token, no such account, a rate limit) is never thrown: the list comes back incomplete, with
   * its reason and what was fetched so far.
   */
  fetchFollowing?(context: LiveContext): Promise<LiveResult>;
  /**
   * Looks accounts up through the platform's API (for `resolve` and for naming id-only follows):
   * fills in missing ids and handles. Accounts it cannot find are left out of the answer.
   */
  lookup?(refs: ParsedRef[], context: LiveContext): Promise<ParsedRef[]>;
  /** For platforms without an API: where in the app to download the export. */
  exportHelp: string;
}
