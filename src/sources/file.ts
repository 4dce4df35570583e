import { isAbsolute, join } from 'node:path';
import type { AuditedAccount } from '../config/types.js';
import { SourceError } from '../errors.js';
import type { Day, Followed, SourceKind } from '../model.js';
import { adapters } from '../platforms/registry.js';
import type { ExportFile, ExportResult } from '../platforms/types.js';
import { looksLikeUrl, stripAt } from '../platforms/urls.js';
import { isSnapshotJson, parseSnapshot, snapshotOfAccount } from '../store/snapshots.js';
import { csvHeader, parseCsv } from '../util/csv.js';
import { fileKind, formatSize } from '../util/file-kind.js';
import { jsonFault } from '../util/json-fault.js';
import { NotARegularFile, readRegularFile } from '../util/regular-file.js';
import { exportFile, readExport, supportedFormats } from './exports.js';
import { type DownloadDate, dateOf, readAbout } from './list-date.js';
import { isZip, listZip } from './zip.js';

/** Export files and CSVs larger than this are refused rather than read into memory. */
export const MAX_SOURCE_BYTES = 512 * 1024 * 1024;

export interface FileList extends ExportResult {
  kind: SourceKind;
  /** When a download was made, as it records it; a snapshot's day is in listDate. */
  date?: DownloadDate | null;
  listDate?: Day | null;
  /** Why part of the list is missing from the download, if its own files say so. */
  missing?: string | null;
}

/** Reads a following list from an export file, its ZIP, a plain CSV or a snapshot. */
export async function readListFile(dir: string, path: string, account: AuditedAccount): Promise<FileList> {
  const full = isAbsolute(path) ? path : join(dir, path);
  const bytes = await readSourceBytes(
    full,
    path,
    `fix source: in policy.yaml, or download the export (${adapters[account.platform].exportHelp})`,
  );
  const file = exportFile(path, path, bytes);
  const exported = await readExport(file, account.platform, MAX_SOURCE_BYTES);
  if (exported) {
    const members = isZip(bytes) ? listZip(bytes, path) : null;
    const about = await readAbout(file, members, adapters[account.platform], MAX_SOURCE_BYTES);
    return { kind: 'export', ...exported, date: dateOf(full, about, members), missing: about.missing };
  }
  return readPlainFile(file, account);
}

/** A source file's bytes: a regular file within the size limit; `missing` says what to do. */
export async function readSourceBytes(full: string, path: string, missing: string): Promise<Uint8Array> {
  try {
    return await readRegularFile(full, MAX_SOURCE_BYTES);
  } catch (error) {
    if (error instanceof NotARegularFile) throw new SourceError(`${path} ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new SourceError(
      code === 'ENOENT'
        ? `${path} not found: ${missing}`
        : `${path} cannot be read (${code ?? 'unknown error'})`,
    );
  }
}

function readPlainFile(file: ExportFile, account: AuditedAccount): FileList {
  const text = file.text();
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new SourceError(`${file.path} starts like JSON, but ${jsonFault(error, text)}: is it truncated?`);
    }
    if (isSnapshotJson(value)) {
      const snapshot = parseSnapshot(value);
      if (snapshot.platform !== account.platform) {
        throw new SourceError(
          `${file.path} is a snapshot of a ${adapters[snapshot.platform].label} account, not ${adapters[account.platform].label}`,
        );
      }
      if (!snapshotOfAccount(snapshot, account)) {
        throw new SourceError(
          `${file.path} is the snapshot of @${snapshot.handle}${snapshot.accountId ? ` (${snapshot.accountId})` : ''}, not of ${account.name} (@${account.shownHandle ?? account.handle}): point source: at this account's list`,
        );
      }
      if (!snapshot.complete)
        throw new SourceError(
          `${file.path} is an incomplete snapshot${snapshot.error ? `: ${snapshot.error}` : ''}`,
        );
      return {
        kind: 'snapshot',
        following: snapshot.following,
        notes: [],
        fetchedAt: snapshot.fetchedAt,
        listDate: snapshot.listDate ?? null,
      };
    }
  }
  const rows = csvRows(file, account);
  const header = rows[0] && csvHeader(rows[0]);
  if (!header) throw unreadable(file, account);
  const cell = (row: string[], column: keyof typeof header) => {
    const i = header[column];
    const value = i === undefined ? '' : (row[i] ?? '').trim();
    return value === '' ? null : value;
  };
  const following: Followed[] = rows.slice(1).map((row) => {
    const followed = {
      id: cell(row, 'id'),
      handle: cell(row, 'handle'),
      name: cell(row, 'name'),
      url: cell(row, 'url'),
    };
    return completeRef(account, followed);
  });
  return { kind: 'csv', following, notes: [], fetchedAt: null };
}

/** The rows of a CSV; a file that is no CSV at all is described, one cut inside a quote is named. */
function csvRows(file: ExportFile, account: AuditedAccount): string[][] {
  try {
    return parseCsv(file.text());
  } catch (error) {
    const first = file.text().split(/\r?\n/, 1)[0] ?? '';
    const header = first.includes('"') ? null : csvHeader(first.split(','));
    if (header && error instanceof SourceError) throw new SourceError(`${file.path}: ${error.message}`);
    throw unreadable(file, account);
  }
}

/** A file no reader knows, described by its size and kind: never by what it holds (a .env, a password file). */
function unreadable(file: ExportFile, account: AuditedAccount): SourceError {
  const { kind, advice } = fileKind(file.bytes);
  return new SourceError(
    `${file.path} is not a format follow-audit reads: it is ${kind} (${formatSize(file.bytes.length)})${advice ? `: ${advice}` : ''}. follow-audit reads the platforms' own data exports (${supportedFormats()}, or their ZIP as downloaded), a CSV whose first row names any of id,handle,name,url, and its own snapshots: point source: at one (${adapters[account.platform].exportHelp})`,
  );
}

/** Fills a handle or id from a profile URL or a handle written as a URL, in the platform's form. */
export function completeRef(account: AuditedAccount, followed: Followed): Followed {
  const adapter = adapters[account.platform];
  if (followed.handle && looksLikeUrl(followed.handle)) {
    followed.url ??= followed.handle;
    followed.handle = null;
  }
  if (followed.url && (!followed.handle || !followed.id)) {
    const parsed = adapter.parse(followed.url);
    if (typeof parsed !== 'string') {
      followed.handle ??= parsed.handle;
      followed.id ??= parsed.id;
    }
  }
  if (followed.handle) followed.handle = adapter.qualifyHandle(stripAt(followed.handle), account.handle);
  return followed;
}
