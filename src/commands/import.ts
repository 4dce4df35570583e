// `follow-audit import F…`: keeps the following list of each download as a snapshot, and nothing
// else of it, so the download (with its private messages) can be deleted.
import { relative, resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/types.js';
import { SourceError, UsageError } from '../errors.js';
import type { Day, Platform } from '../model.js';
import { adapters } from '../platforms/registry.js';
import { type DownloadList, readDownload } from '../sources/download.js';
import { type DownloadDate, dayOfDownload } from '../sources/list-date.js';
import { removeAbandonedTemps, writeFailure } from '../store/keep.js';
import { STORE_DIR } from '../store/layout.js';
import { type Snapshot, saveSnapshot } from '../store/snapshots.js';
import { todayOf } from '../util/days.js';
import { chooseAccount } from './import-account.js';

export interface ImportOptions {
  config?: string;
  /** The account every file belongs to, where the downloads do not say. */
  account?: string;
  /** The day of the import (default: today in the policy's timezone). */
  asOf?: string;
  now?: () => Date;
}

export interface Imported {
  file: string;
  account: string;
  platform: Platform;
  handle: string;
  follows: number;
  listDate: Day;
  /** Where the date comes from; null when the download records none (the day of the import). */
  dateFrom: DownloadDate['from'] | null;
  complete: boolean;
  /** The snapshot written, relative to the audit folder. */
  saved: string;
  notes: string[];
}

export interface ImportResult {
  imported: Imported[];
  /** Files that could not be imported, with why: nothing of them was kept. */
  failures: { file: string; message: string }[];
}

export async function importDownloads(files: string[], options: ImportOptions = {}): Promise<ImportResult> {
  if (files.length === 0) throw new UsageError('name the downloaded files or ZIPs to import');
  const config = await loadConfig(options.config ?? '.');
  await removeAbandonedTemps(config.dir);
  const now = (options.now ?? (() => new Date()))();
  const today = todayOf(config.timezone, options.asOf, now);
  if (options.account !== undefined && !config.accounts.some((a) => a.name === options.account)) {
    throw new UsageError(
      `no account is named "${options.account}" in policy.yaml (accounts: ${config.accounts.map((a) => a.name).join(', ')})`,
    );
  }
  const result: ImportResult = { imported: [], failures: [] };
  for (const file of files) {
    try {
      result.imported.push(...(await importOne(config, file, options.account, today, now)));
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      result.failures.push({ file, message: error.message });
    }
  }
  return result;
}

async function importOne(
  config: Config,
  file: string,
  wanted: string | undefined,
  today: Day,
  now: Date,
): Promise<Imported[]> {
  const lists = await readDownload(resolve(file), file);
  const forAccount = wanted ? config.accounts.find((a) => a.name === wanted)! : null;
  const mine = forAccount ? lists.filter((l) => l.platform === forAccount.platform) : lists;
  if (forAccount && mine.length === 0) {
    throw new SourceError(
      `${file} is ${lists.map((l) => `a ${adapters[l.platform].label}`).join(' and ')} download, but --account ${wanted} is on ${adapters[forAccount.platform].label}`,
    );
  }
  const choices = mine.map((l) => ({
    list: l,
    choice: chooseAccount(config, l.platform, l.owner, wanted, file),
  }));
  // A ZIP may hold lists of platforms the policy does not audit (Threads in an Instagram
  // download): those are left out, unless nothing else in it fits.
  const chosen = choices.filter((c) => 'account' in c.choice);
  if (chosen.length === 0) throw new SourceError((choices[0]!.choice as { refused: string }).refused);
  const imported: Imported[] = [];
  for (const { list, choice } of chosen) {
    if (!('account' in choice)) continue;
    imported.push(await keep(config, file, list, choice.account.name, choice.note, today, now));
  }
  return imported;
}

async function keep(
  config: Config,
  file: string,
  download: DownloadList,
  name: string,
  note: string | null,
  today: Day,
  now: Date,
): Promise<Imported> {
  const account = config.accounts.find((a) => a.name === name)!;
  const { date } = download;
  const listDate = date ? dayOfDownload(date, config.timezone) : today;
  const complete = download.missing === null;
  const ownerId = account.id ?? (download.owner?.from === 'content' ? download.owner.id : null);
  const snapshot: Snapshot = {
    schemaVersion: 1,
    platform: account.platform,
    account: account.name,
    handle: account.handle,
    ...(ownerId ? { accountId: ownerId } : {}),
    fetchedAt: date?.at ?? now.toISOString(),
    source: 'import',
    listDate,
    complete,
    ...(download.missing ? { error: download.missing } : {}),
    following: download.list.following.map((f) => ({ id: f.id, handle: f.handle, name: f.name, url: f.url })),
  };
  // Keeping the list is all an import does: a write that fails is this file's failure, in words.
  const path = await saveSnapshot(config.dir, snapshot).catch((error: unknown) => {
    const reason = writeFailure(error);
    if (reason === null) throw error;
    throw new SourceError(`${file}: the list of ${account.name} was not kept in ${STORE_DIR}/: ${reason}`);
  });
  const notes = [...download.list.notes];
  if (note) notes.push(note);
  if (account.source !== 'import')
    notes.push(
      `${account.name} has source: ${account.source}: set source: import in policy.yaml to audit this list`,
    );
  return {
    file,
    account: account.name,
    platform: account.platform,
    handle: account.shownHandle ?? account.handle,
    follows: download.list.following.length,
    listDate,
    dateFrom: date?.from ?? null,
    complete,
    saved: relative(config.dir, path),
    notes: download.missing ? [download.missing, ...notes] : notes,
  };
}

/** What import tells the volunteer: one line per list kept, its notes, and what to do next. */
export function importSummary(result: ImportResult): string {
  const lines: string[] = [];
  for (const i of result.imported) {
    const from = i.dateFrom ? `from ${i.dateFrom}` : 'the download records no date: the day of the import';
    lines.push(
      `${i.file}: ${i.account} (${adapters[i.platform].label} @${i.handle}), ${i.follows} follows, list as of ${i.listDate} (${from})${i.complete ? '' : ', INCOMPLETE'} -> ${i.saved}`,
    );
    for (const note of i.notes) lines.push(`  note: ${note}`);
  }
  if (result.imported.length > 0) {
    lines.push(
      'Only the following lists were kept. The downloads are no longer needed: delete them (they hold private messages).',
    );
  }
  return lines.join('\n');
}
