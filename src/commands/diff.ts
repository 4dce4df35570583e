import { resolve as resolvePath } from 'node:path';
import { loadConfig } from '../config/load.js';
import { selectAccounts } from '../config/select.js';
import type { AuditedAccount, Config } from '../config/types.js';
import { diffFollows } from '../core/changes.js';
import { SourceError, UsageError } from '../errors.js';
import type { Followed, Platform } from '../model.js';
import { listSnapshots, readSnapshotFile, type Snapshot } from '../store/snapshots.js';
import { dayIn, isDay } from '../util/days.js';

export interface DiffOptions {
  config?: string;
  accounts?: string[];
  platforms?: string[];
  /** A snapshot file, or a day: the newest snapshot fetched on or before it. */
  from?: string;
  to?: string;
}

interface Side {
  file: string;
  fetchedAt: string;
  /** The day the list describes, where the snapshot says (imports). */
  listDate: string | null;
  complete: boolean;
}

export interface AccountDiff {
  account: string;
  platform: Platform;
  from: Side | null;
  to: Side | null;
  followed: Followed[];
  unfollowed: Followed[];
  /** False when a side is missing or incomplete: unfollows may then be false alarms. */
  complete: boolean;
  error: string | null;
}

export interface DiffResult {
  schemaVersion: 1;
  accounts: AccountDiff[];
}

type Loaded = Snapshot & { file: string };

/** Followed and unfollowed accounts between two snapshots of each selected account. */
export async function diff(options: DiffOptions): Promise<DiffResult> {
  const config = await loadConfig(options.config ?? '.');
  const named = [options.from, options.to].find((v) => v !== undefined && !isDay(v));
  const accounts = named
    ? [accountOf(config, (await readSide(named)).account)]
    : await withSnapshots(config, selectAccounts(config, options));
  if (accounts.length === 0)
    throw new UsageError(
      'no selected account has snapshots: "follow-audit fetch" saves them for source: api, "follow-audit import" for downloads',
    );
  return {
    schemaVersion: 1,
    accounts: await Promise.all(accounts.map((a) => diffAccount(config, a, options))),
  };
}

/** Accounts whose lists are kept as snapshots (fetched or imported), or that have some anyway. */
async function withSnapshots(config: Config, accounts: AuditedAccount[]): Promise<AuditedAccount[]> {
  const kept = await Promise.all(accounts.map((a) => listSnapshots(config.dir, a.name)));
  return accounts.filter((a, i) => a.source === 'api' || a.source === 'import' || kept[i]!.length > 0);
}

async function diffAccount(
  config: Config,
  account: AuditedAccount,
  options: DiffOptions,
): Promise<AccountDiff> {
  const base = { account: account.name, platform: account.platform, followed: [], unfollowed: [] };
  try {
    const all = await Promise.all(
      (await listSnapshots(config.dir, account.name)).map(async (file) => ({
        ...(await readSnapshotFile(file)),
        file,
      })),
    );
    const to = await pick(config, all, options.to, null);
    const from = to && (await pick(config, all, options.from, to));
    if (!to || !from) {
      const again =
        account.source === 'api' ? '"follow-audit fetch"' : '"follow-audit import" on a newer download';
      const missing = `needs two snapshots to compare, found ${all.length}: run ${again}`;
      return { ...base, from: side(from), to: side(to), complete: false, error: missing };
    }
    const changes = diffLists(account.platform, from.following, to.following);
    const incomplete = [from, to].find((s) => !s.complete);
    return {
      ...base,
      ...changes,
      from: side(from),
      to: side(to),
      complete: !incomplete,
      error: incomplete ? `the snapshot ${incomplete.file} is incomplete: the changes may be partial` : null,
    };
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return { ...base, from: null, to: null, complete: false, error: error.message };
  }
}

/** A snapshot by file or day; by default the newest complete one (older than `before`, if given). */
async function pick(config: Config, all: Loaded[], wanted: string | undefined, before: Loaded | null) {
  if (wanted !== undefined && !isDay(wanted)) return readSide(wanted);
  const candidates = all
    .filter((s) => !before || (s.file !== before.file && order(s) <= order(before)))
    .filter((s) => wanted === undefined || dayOf(config, s) <= wanted)
    .sort((a, b) => order(a).localeCompare(order(b)));
  return candidates.filter((s) => s.complete).at(-1) ?? candidates.at(-1) ?? null;
}

/** The day a snapshot describes: an import's export date, else the day it was fetched. */
const dayOf = (config: Config, s: Loaded) => s.listDate ?? dayIn(config.timezone, new Date(s.fetchedAt));
const order = (s: Loaded) => `${s.listDate ?? s.fetchedAt.slice(0, 10)} ${s.fetchedAt}`;

async function readSide(file: string): Promise<Loaded> {
  return { ...(await readSnapshotFile(resolvePath(file))), file };
}

function accountOf(config: Config, name: string): AuditedAccount {
  const account = config.accounts.find((a) => a.name === name);
  if (!account) throw new UsageError(`the snapshot is of "${name}", which policy.yaml does not list`);
  return account;
}

const side = (s: Loaded | null): Side | null =>
  s && { file: s.file, fetchedAt: s.fetchedAt, listDate: s.listDate ?? null, complete: s.complete };

/** Exactly the follows added and removed: same account by id when both sides know it, else by handle. */
export function diffLists(platform: Platform, from: Followed[], to: Followed[]) {
  const { added, removed } = diffFollows(platform, from, to);
  return { followed: added, unfollowed: removed };
}
