import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { sameAccount } from '../core/identity.js';
import { SourceError } from '../errors.js';
import { type FollowingList, PLATFORMS, type Platform } from '../model.js';
import { keepFile, readJson } from './files.js';
import { snapshotFolder, timestampedName } from './layout.js';

const nullableText = z.string().nullable().default(null);
const followedSchema = z.object({
  id: nullableText,
  handle: nullableText,
  name: nullableText,
  url: nullableText,
  followedAt: nullableText.optional(),
});

export const snapshotSchema = z.object({
  schemaVersion: z.literal(1),
  platform: z.enum(PLATFORMS),
  account: z.string(),
  handle: z.string(),
  /** The audited account's stable id on its platform, where it was known. */
  accountId: z.string().nullable().optional(),
  fetchedAt: z.string(),
  /** "import" for a list kept by `follow-audit import`; absent for a fetched one. */
  source: z.literal('import').optional(),
  /** The day the list describes (imports: the export's date). */
  listDate: z.string().optional(),
  complete: z.boolean(),
  error: z.string().nullable().optional(),
  resume: z.unknown().optional(),
  following: z.array(followedSchema),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/**
 * Whether a snapshot is this account's list: the same platform, and the same account by id where
 * both sides know one, else by handle. A file copied or renamed into another account's folder,
 * or left from before the audited handle changed, is someone else's list.
 */
export function snapshotOfAccount(
  snapshot: Snapshot,
  account: { platform: Platform; id: string | null; handle: string },
): boolean {
  if (snapshot.platform !== account.platform) return false;
  const own = { id: account.id, handle: account.handle, name: null };
  return (
    sameAccount(
      account.platform,
      { id: snapshot.accountId ?? null, handle: snapshot.handle, name: null },
      own,
    ) !== null
  );
}

export function isSnapshotJson(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'schemaVersion' in value && 'following' in value;
}

export function parseSnapshot(value: unknown): Snapshot {
  const parsed = snapshotSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SourceError(
      `not a valid follow-audit snapshot (${issue.path.join('.') || 'top level'}: ${issue.message})`,
    );
  }
  return parsed.data;
}

export function snapshotOf(list: FollowingList, resume?: unknown, accountId?: string | null): Snapshot {
  return {
    schemaVersion: 1,
    platform: list.platform,
    account: list.account,
    handle: list.handle,
    ...(accountId ? { accountId } : {}),
    fetchedAt: list.fetchedAt ?? new Date().toISOString(),
    complete: list.complete,
    ...(list.error ? { error: list.error } : {}),
    ...(resume === undefined ? {} : { resume }),
    following: list.following.map((f) => ({ id: f.id, handle: f.handle, name: f.name, url: f.url })),
  };
}

/** Keeps a snapshot under .follow-audit/snapshots/<account>/; a write error is thrown as the file system gave it. */
export async function saveSnapshot(dir: string, snapshot: Snapshot): Promise<string> {
  const folder = snapshotFolder(dir, snapshot.account);
  // An import is named by the day it describes, so importing the same download again rewrites it.
  const name = snapshot.source === 'import' && snapshot.listDate ? snapshot.listDate : snapshot.fetchedAt;
  const file = join(folder, timestampedName(name));
  await keepFile(file, formatSnapshot(snapshot));
  return file;
}

/** How a note names an account's snapshot when it could not be kept. */
export const snapshotLabel = (account: string) => `the snapshot of ${account}`;

/**
 * A snapshot as kept in git: keys sorted, follows sorted, one follow per line, so the diff of two
 * months is the list of accounts followed and unfollowed.
 */
export function formatSnapshot(snapshot: Snapshot): string {
  const { following, ...rest } = snapshot;
  // Written out field by field, keys in alphabetical order: this runs for every follow of a list.
  const lines = following.map(
    (f) => `{"handle":${json(f.handle)},"id":${json(f.id)},"name":${json(f.name)},"url":${json(f.url)}}`,
  );
  const keys = following.map(
    (f) => `${(f.handle ?? f.name ?? '').toLowerCase()}\u0000${(f.id ?? '').padStart(24, '0')}`,
  );
  const order = keys
    .map((_, i) => i)
    .sort((a, b) => compare(keys[a]!, keys[b]!) || compare(lines[a]!, lines[b]!));
  const rows = order.map((i) => `    ${lines[i]}`);
  const fields = Object.entries({ ...rest, following: null })
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => compare(a, b))
    .map(([key, value]) =>
      key === 'following'
        ? `  "following": [${rows.length ? `\n${rows.join(',\n')}\n  ` : ''}]`
        : `  ${JSON.stringify(key)}: ${JSON.stringify(sortKeys(value))}`,
    );
  return `{\n${fields.join(',\n')}\n}\n`;
}

const json = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => compare(a, b))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}

/** Snapshot files of one account, oldest first (their names sort by time). */
export async function listSnapshots(dir: string, account: string): Promise<string[]> {
  const folder = snapshotFolder(dir, account);
  try {
    const names = await readdir(folder);
    return names
      .filter((n) => n.endsWith('.json'))
      .sort()
      .map((n) => join(folder, n));
  } catch {
    return [];
  }
}

export async function readSnapshotFile(path: string): Promise<Snapshot> {
  let value: unknown;
  try {
    value = await readJson(path);
  } catch (error) {
    throw new SourceError(`cannot read snapshot ${path}: ${(error as Error).message}`);
  }
  return parseSnapshot(value);
}
