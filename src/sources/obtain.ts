import { relative } from 'node:path';
import type { AuditedAccount, Config } from '../config/types.js';
import { SourceError } from '../errors.js';
import type { FollowingList } from '../model.js';
import { envRedactor, redactDeep } from '../net/redact.js';
import { adapters } from '../platforms/registry.js';
import type { LiveContext } from '../platforms/types.js';
import { isSnapshotPath } from '../store/layout.js';
import {
  listSnapshots,
  readSnapshotFile,
  type Snapshot,
  saveSnapshot,
  snapshotOf,
} from '../store/snapshots.js';
import { plural } from '../util/text.js';
import { readListFile } from './file.js';

/** What obtaining lists needs: a live fetch's context for any account, plus --offline. */
export interface ObtainOptions extends Omit<LiveContext, 'account' | 'resume'> {
  offline: boolean;
}

/** One account's following list. Never throws for a source problem: the list comes back incomplete. */
export async function obtainList(
  config: Config,
  account: AuditedAccount,
  options: ObtainOptions,
): Promise<FollowingList> {
  // Whatever a source or a server said, no credential reaches a report, a snapshot or a screen.
  return redactDeep(bounded(await obtainUnbounded(config, account, options)), envRedactor(options.env));
}

// Remote text is untrusted: a 50 MB "display name" must not reach reports, caches or terminals.
const LIMITS = { id: 128, handle: 256, name: 300, url: 2048 } as const;

/** Cuts overlong fields (a name keeps its start and an ellipsis; others are dropped), saying so. */
function bounded(list: FollowingList): FollowingList {
  let cut = 0;
  for (const followed of list.following) {
    for (const field of ['id', 'handle', 'name', 'url'] as const) {
      const value = followed[field];
      if (value === null || value === undefined || value.length <= LIMITS[field]) continue;
      followed[field] = field === 'name' ? `${value.slice(0, LIMITS.name - 1)}…` : null;
      cut++;
    }
  }
  if (cut > 0) list.notes.push(`${cut} overlong field${cut === 1 ? ' was' : 's were'} cut or left out`);
  return list;
}

async function obtainUnbounded(
  config: Config,
  account: AuditedAccount,
  options: ObtainOptions,
): Promise<FollowingList> {
  const base: FollowingList = {
    platform: account.platform,
    account: account.name,
    handle: account.handle,
    source:
      account.source === 'api' || account.source === 'import' ? account.source : guessKind(account.source),
    file: account.source === 'api' || account.source === 'import' ? null : account.source,
    fetchedAt: null,
    complete: false,
    error: null,
    following: [],
    notes: [],
  };
  try {
    if (account.source === 'import') return await importedList(config, account, base);
    if (account.source !== 'api') {
      const read = await readListFile(config.dir, account.source, account);
      const { kind, fetchedAt, ...rest } = read;
      return { ...base, ...rest, source: kind, fetchedAt: fetchedAt ?? null, complete: true };
    }
    const adapter = adapters[account.platform];
    if (options.offline || !adapter.fetchFollowing)
      return await latestSnapshotList(config, account, base, options);
    const previous = await latestSnapshot(config, account);
    const context: LiveContext = {
      ...options,
      account,
      resume: previous?.complete === false ? previous.resume : undefined,
    };
    const { list, resume } = redactDeep(await adapter.fetchFollowing(context), envRedactor(options.env));
    await saveSnapshot(config.dir, snapshotOf(list, list.complete ? undefined : resume));
    return list;
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return { ...base, complete: false, error: error.message };
  }
}

/** The newest list `follow-audit import` kept for the account (by the day it describes). */
async function importedList(
  config: Config,
  account: AuditedAccount,
  base: FollowingList,
): Promise<FollowingList> {
  const files = await listSnapshots(config.dir, account.name);
  const imports = [];
  for (const file of files) {
    const snapshot = await readSnapshotFile(file);
    if (snapshot.source === 'import' && snapshot.platform === account.platform)
      imports.push({ file, snapshot });
  }
  const newest = imports.sort((a, b) => compareImports(a.snapshot, b.snapshot)).at(-1);
  if (!newest) {
    throw new SourceError(
      `no imported list for ${account.name} yet: download the export (${adapters[account.platform].exportHelp}) and run "follow-audit import <file>"`,
    );
  }
  const { snapshot } = newest;
  return {
    ...base,
    file: relative(config.dir, newest.file),
    fetchedAt: snapshot.fetchedAt,
    listDate: snapshot.listDate ?? null,
    complete: snapshot.complete,
    error: snapshot.complete
      ? null
      : `the newest import is incomplete${snapshot.error ? `: ${snapshot.error}` : ''}`,
    following: snapshot.following,
    notes: [`imported from a download of ${snapshot.listDate ?? snapshot.fetchedAt.slice(0, 10)}`],
  };
}

const compareImports = (a: Snapshot, b: Snapshot) =>
  (a.listDate ?? '').localeCompare(b.listDate ?? '') || a.fetchedAt.localeCompare(b.fetchedAt);

async function latestSnapshot(config: Config, account: AuditedAccount) {
  const files = await listSnapshots(config.dir, account.name);
  const newest = files[files.length - 1];
  return newest ? readSnapshotFile(newest) : null;
}

async function latestSnapshotList(
  config: Config,
  account: AuditedAccount,
  base: FollowingList,
  options: ObtainOptions,
): Promise<FollowingList> {
  const snapshot = await latestSnapshot(config, account);
  if (!snapshot) {
    throw new SourceError(
      options.offline
        ? `no saved snapshot for ${account.name}: run "follow-audit fetch" while online first`
        : `${adapters[account.platform].label} cannot be fetched live here: run "follow-audit fetch", or set source: to an export file`,
    );
  }
  const ageDays = Math.floor((options.now().getTime() - Date.parse(snapshot.fetchedAt)) / 86_400_000);
  const list: FollowingList = {
    ...base,
    source: 'snapshot',
    fetchedAt: snapshot.fetchedAt,
    complete: snapshot.complete,
    error: snapshot.complete
      ? null
      : `the newest snapshot is incomplete${snapshot.error ? `: ${snapshot.error}` : ''}`,
    following: snapshot.following,
    notes: [`from the snapshot of ${snapshot.fetchedAt} (${plural(ageDays, 'day')} old)`],
  };
  return list;
}

/** What a file source probably is, for the report of a file that could not be read. */
function guessKind(path: string): FollowingList['source'] {
  if (isSnapshotPath(path)) return 'snapshot';
  return /\.csv$/i.test(path) && !/following_accounts|subscriptions/i.test(path) ? 'csv' : 'export';
}
