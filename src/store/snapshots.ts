import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { sameAccount } from '../core/identity.js';
import { SourceError } from '../errors.js';
import { type FollowingList, PLATFORMS, type Platform } from '../model.js';
import { isRecord } from '../util/record.js';
import { keepFile, readJson } from './files.js';
import { snapshotFolder, timestampedName } from './layout.js';

/** A followed account as a snapshot keeps it. */
type KeptFollow = {
  id: string | null;
  handle: string | null;
  name: string | null;
  url: string | null;
  followedAt?: string | null;
};

/** A following list as .follow-audit/snapshots/ keeps it (see formatSnapshot). */
export interface Snapshot {
  schemaVersion: 1;
  platform: Platform;
  account: string;
  handle: string;
  /** The audited account's stable id on its platform, where it was known. */
  accountId?: string | null;
  fetchedAt: string;
  /** "import" for a list kept by `follow-audit import`; absent for a fetched one. */
  source?: 'import';
  /** The day the list describes (imports: the export's date). */
  listDate?: string;
  complete: boolean;
  error?: string | null;
  resume?: unknown;
  following: KeptFollow[];
}

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

/** The snapshot in a parsed JSON value, its fields in their order, unknown ones left out; a SourceError names what is wrong. */
export function parseSnapshot(value: unknown): Snapshot {
  const fail = (path: string, expected: string): never => {
    throw new SourceError(`not a valid follow-audit snapshot (${path}: expected ${expected})`);
  };
  if (!isRecord(value)) return fail('top level', 'an object');
  const text = (key: string, v: unknown = value[key]) => (typeof v === 'string' ? v : fail(key, 'text'));
  const optional = (key: string, nullable: boolean) => {
    const v = value[key];
    if (v === undefined) return {};
    if (v === null && nullable) return { [key]: null };
    return { [key]: text(key) };
  };
  if (value.schemaVersion !== 1) fail('schemaVersion', '1');
  if (!PLATFORMS.includes(value.platform as Platform)) fail('platform', `one of ${PLATFORMS.join(', ')}`);
  if (value.source !== undefined && value.source !== 'import') fail('source', '"import"');
  if (typeof value.complete !== 'boolean') fail('complete', 'true or false');
  if (!Array.isArray(value.following)) fail('following', 'a list');
  const following = (value.following as unknown[]).map((f, i): KeptFollow => {
    if (!isRecord(f)) return fail(`following.${i}`, 'an object');
    const field = (key: string) => {
      const v = f[key] ?? null;
      return v === null || typeof v === 'string' ? v : fail(`following.${i}.${key}`, 'text or null');
    };
    return {
      id: field('id'),
      handle: field('handle'),
      name: field('name'),
      url: field('url'),
      followedAt: field('followedAt'),
    };
  });
  return {
    schemaVersion: 1,
    platform: value.platform as Platform,
    account: text('account'),
    handle: text('handle'),
    ...optional('accountId', true),
    fetchedAt: text('fetchedAt'),
    ...(value.source === undefined ? {} : { source: 'import' as const }),
    ...optional('listDate', false),
    complete: value.complete as boolean,
    ...optional('error', true),
    ...('resume' in value ? { resume: value.resume } : {}),
    following,
  };
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
