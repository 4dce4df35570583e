import { relative } from 'node:path';
import type { AuditedAccount, Config } from '../config/types.js';
import { SourceError } from '../errors.js';
import { type Day, type FollowingList, followingList } from '../model.js';
import { envRedactor, redactDeep } from '../net/redact.js';
import { adapters } from '../platforms/registry.js';
import type { LiveContext } from '../platforms/types.js';
import type { Keeper } from '../store/keep.js';
import { isSnapshotPath, SNAPSHOT_DIR } from '../store/layout.js';
import {
  listSnapshots,
  readSnapshotFile,
  type Snapshot,
  saveSnapshot,
  snapshotLabel,
  snapshotOf,
  snapshotOfAccount,
} from '../store/snapshots.js';
import { dayIn, daysBetween } from '../util/days.js';
import { plural } from '../util/text.js';
import { readListFile } from './file.js';
import { dayOfDownload } from './list-date.js';

/** What obtaining lists needs: a live fetch's context for any account, plus --offline. */
export interface ObtainOptions extends Omit<LiveContext, 'account' | 'resume'> {
  offline: boolean;
  /** The audit's "today" (--as-of), which list ages are judged on; default: today in the policy's timezone. */
  today?: Day;
  /** False where the caller judges list ages itself (`plan`, against the next audit's day). */
  checkAge?: boolean;
  /** Where snapshots that could not be written are noted (a read-only folder, a full disk). */
  keeper: Keeper;
}

/** One account's following list. Never throws for a source problem: the list comes back incomplete. */
export async function obtainList(
  config: Config,
  account: AuditedAccount,
  options: ObtainOptions,
): Promise<FollowingList> {
  const today = options.today ?? dayIn(config.timezone, options.now());
  const obtained = await obtainUnbounded(config, account, options);
  const list = options.checkAge === false ? obtained : judgeAge(account, obtained, today);
  // Whatever a source or a server said, no credential reaches a report, a snapshot or a screen.
  return redactDeep(bounded(list), envRedactor(options.env));
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
  try {
    if (account.source === 'import') return await importedList(config, account);
    if (account.source !== 'api') return await fileList(config, account);
    const adapter = adapters[account.platform];
    if (options.offline || !adapter.fetchFollowing) return await latestSnapshotList(config, account, options);
    const { snapshot: previous } = await latestSnapshot(config, account);
    const context: LiveContext = {
      ...options,
      account,
      resume: previous?.complete === false ? previous.resume : undefined,
    };
    const { list, resume } = redactDeep(await adapter.fetchFollowing(context), envRedactor(options.env));
    // A fetch refused before its first page (a cost not approved, no token) leaves the earlier
    // stopped fetch where it can be continued, rather than saving over its resume point.
    const kept = resume ?? (list.following.length === 0 ? context.resume : undefined);
    const snapshot = snapshotOf(list, list.complete ? undefined : kept, account.id);
    await options.keeper.keep(snapshotLabel(account.name), () => saveSnapshot(config.dir, snapshot));
    return { ...list, listDate: dayIn(config.timezone, new Date(list.fetchedAt ?? options.now())) };
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return unread(account, error.message);
  }
}

/** The list of an account whose source could not be read, saying why. */
function unread(account: AuditedAccount, why: string): FollowingList {
  const { source } = account;
  if (source === 'api' || source === 'import') return followingList(account, { source, incomplete: why });
  return followingList(account, { source: guessKind(source), file: source, incomplete: why });
}

/** The list in the file `source:` names, dated by what the file says, else by as_of. */
async function fileList(config: Config, account: AuditedAccount): Promise<FollowingList> {
  const { kind, fetchedAt, date, listDate, missing, following, notes } = await readListFile(
    config.dir,
    account.source,
    account,
  );
  const day =
    listDate ??
    (date ? dayOfDownload(date, config.timezone) : null) ??
    (fetchedAt ? dayIn(config.timezone, new Date(fetchedAt)) : null) ??
    account.asOf ??
    null;
  return followingList(account, {
    source: kind,
    file: account.source,
    fetchedAt: fetchedAt ?? null,
    listDate: day,
    following,
    notes: date ? [...notes, `list as of ${day}, from ${date.from}`] : notes,
    incomplete: missing ?? null,
  });
}

/** The newest list `follow-audit import` kept for the account (by the day it describes). */
async function importedList(config: Config, account: AuditedAccount): Promise<FollowingList> {
  const files = await listSnapshots(config.dir, account.name);
  const imports = [];
  for (const file of files) {
    const snapshot = await readSnapshotFile(file);
    if (
      snapshot.source === 'import' &&
      snapshot.account === account.name &&
      snapshotOfAccount(snapshot, account)
    )
      imports.push({ file, snapshot });
  }
  const newest = imports.sort((a, b) => compareImports(a.snapshot, b.snapshot)).at(-1);
  if (!newest) {
    return unread(
      account,
      `no imported list for ${account.name} yet: download the export (${adapters[account.platform].exportHelp}) and run "follow-audit import <file>"`,
    );
  }
  const { snapshot } = newest;
  return followingList(account, {
    source: 'import',
    file: relative(config.dir, newest.file),
    fetchedAt: snapshot.fetchedAt,
    listDate: snapshot.listDate ?? dayIn(config.timezone, new Date(snapshot.fetchedAt)),
    following: snapshot.following,
    notes: [`imported from a download of ${snapshot.listDate ?? snapshot.fetchedAt.slice(0, 10)}`],
    incomplete: snapshot.complete
      ? null
      : `the newest import is incomplete${snapshot.error ? `: ${snapshot.error}` : ''}`,
  });
}

const compareImports = (a: Snapshot, b: Snapshot) =>
  (a.listDate ?? '').localeCompare(b.listDate ?? '') || a.fetchedAt.localeCompare(b.fetchedAt);

/**
 * The newest snapshot in the account's folder that is this account's list (snapshotOfAccount),
 * with the newer ones that were someone else's, so the report can say they were passed over.
 */
async function latestSnapshot(config: Config, account: AuditedAccount) {
  const files = await listSnapshots(config.dir, account.name);
  const foreign: Snapshot[] = [];
  for (const file of files.reverse()) {
    const snapshot = await readSnapshotFile(file);
    if (snapshot.account === account.name && snapshotOfAccount(snapshot, account))
      return { snapshot, foreign };
    foreign.push(snapshot);
  }
  return { snapshot: null, foreign };
}

/** What the snapshots passed over were, in words. */
function passedOver(foreign: Snapshot[], account: AuditedAccount): string {
  const owners = [
    ...new Set(
      foreign.map(
        (s) =>
          `${s.account === account.name ? '' : `account ${s.account}, `}${adapters[s.platform].label} @${s.handle}${s.accountId ? ` (${s.accountId})` : ''}`,
      ),
    ),
  ];
  return `${plural(foreign.length, 'snapshot')} in ${SNAPSHOT_DIR}/${account.name}/ ${foreign.length === 1 ? 'is' : 'are'} not ${account.name}'s list (${adapters[account.platform].label} @${account.shownHandle ?? account.handle}${account.id ? ` (${account.id})` : ''}) but ${owners.join('; ')}`;
}

async function latestSnapshotList(
  config: Config,
  account: AuditedAccount,
  options: ObtainOptions,
): Promise<FollowingList> {
  const { snapshot, foreign } = await latestSnapshot(config, account);
  if (!snapshot) {
    const others = foreign.length > 0 ? `${passedOver(foreign, account)}, and none is` : null;
    return unread(
      account,
      options.offline
        ? `${others ?? 'no saved snapshot'} for ${account.name}: run "follow-audit fetch" while online first`
        : `${adapters[account.platform].label} cannot be fetched live here: run "follow-audit fetch", or set source: to an export file`,
    );
  }
  const ageDays = Math.floor((options.now().getTime() - Date.parse(snapshot.fetchedAt)) / 86_400_000);
  return followingList(account, {
    source: 'snapshot',
    fetchedAt: snapshot.fetchedAt,
    listDate: snapshot.listDate ?? dayIn(config.timezone, new Date(snapshot.fetchedAt)),
    following: snapshot.following,
    notes: [
      `from the snapshot of ${snapshot.fetchedAt} (${plural(ageDays, 'day')} old)`,
      ...(foreign.length > 0 ? [`${passedOver(foreign, account)}: left out`] : []),
    ],
    incomplete: snapshot.complete
      ? null
      : `the newest snapshot is incomplete${snapshot.error ? `: ${snapshot.error}` : ''}`,
  });
}

/**
 * A list that describes a day more than max_age_days before today is never audited as today's:
 * the account becomes incomplete, saying the list's day and how to get a newer one. A list whose
 * day is unknown is audited, with a note saying so.
 */
function judgeAge(account: AuditedAccount, list: FollowingList, today: Day): FollowingList {
  if (!list.complete) return list;
  const label = adapters[account.platform].label;
  if (!list.listDate) {
    const fix =
      list.source === 'csv'
        ? 'set as_of: in policy.yaml to the day it describes'
        : `read the ${label} download's ZIP as downloaded, which records its day, or set as_of: in policy.yaml`;
    list.notes.push(`the list records no date, so its age is not checked: ${fix}`);
    return list;
  }
  const maxAge = account.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
  const age = daysBetween(list.listDate, today);
  if (maxAge === 0 || age <= maxAge) return list;
  return {
    ...list,
    complete: false,
    error: `the list is of ${list.listDate}, ${plural(age, 'day')} before ${today}, older than max_age_days (${maxAge}): ${renewal(account, list, label)}`,
  };
}

/** The default of max_age_days (docs/files.md). */
export const DEFAULT_MAX_AGE_DAYS = 45;

/** How to get a newer list for an account, in words a volunteer can act on. */
function renewal(account: AuditedAccount, list: FollowingList, label: string): string {
  const help = adapters[account.platform].exportHelp;
  if (account.source === 'api') return 'run "follow-audit fetch" (or the audit) while online for a new list';
  if (account.source === 'import')
    return `download a new export (${help}) and run "follow-audit import <file>"`;
  if (list.source === 'csv')
    return `replace ${account.source} with the current following list and set as_of: to its day`;
  if (list.source === 'snapshot') return `point source: at a newer list of the ${label} account`;
  return `download a new export (${help}) and point source: at it`;
}

/**
 * What a file source probably is, for the report of a file that could not be read: a CSV, unless
 * its path is one a platform's download gives its list (the adapters' export patterns say).
 */
function guessKind(path: string): FollowingList['source'] {
  if (isSnapshotPath(path)) return 'snapshot';
  if (!/\.csv$/i.test(path)) return 'export';
  const exported = Object.values(adapters).some((a) => a.exports?.some((f) => f.member.test(path)));
  return exported ? 'export' : 'csv';
}
