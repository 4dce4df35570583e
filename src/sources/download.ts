// A platform download as `import` takes it: which platforms' following lists it holds, whose it
// is, and which day it describes. Only the lists and these facts leave this module; the rest of
// the download (messages, posts, e-mail addresses) is read only where a reader needs a field.
import { basename } from 'node:path';
import { SourceError } from '../errors.js';
import type { Day, Platform } from '../model.js';
import { adapters } from '../platforms/registry.js';
import type {
  ExportAbout,
  ExportFile,
  ExportResult,
  ParsedRef,
  PlatformAdapter,
} from '../platforms/types.js';
import { isDay } from '../util/days.js';
import { detectPlatforms, exportFile, readExport, supportedFormats } from './exports.js';
import { MAX_SOURCE_BYTES, readSourceBytes } from './file.js';
import { isZip, listZip, type ZipMember } from './zip.js';

export interface DownloadDate {
  /** The instant the download records, or null when only a day is known. */
  at: string | null;
  /** The day, when only a day is known (a date in the file name). */
  day: Day | null;
  from: 'the export' | 'the files in the ZIP' | 'the file name';
}

export interface DownloadOwner extends ParsedRef {
  /** Where it was read: the download's content, or only its (renameable) file name. */
  from: 'content' | 'name';
}

export interface DownloadList {
  platform: Platform;
  list: ExportResult;
  owner: DownloadOwner | null;
  date: DownloadDate | null;
  /** Why part of the list is missing from this download, if it is. */
  missing: string | null;
}

/** Every platform's following list in one downloaded file or ZIP. */
export async function readDownload(full: string, shown: string): Promise<DownloadList[]> {
  const bytes = await readSourceBytes(full, shown, 'check the path of the download');
  const file = exportFile(shown, basename(full), bytes);
  const members = isZip(bytes) ? listZip(bytes, shown) : null;
  const platforms = detectPlatforms(file, MAX_SOURCE_BYTES);
  if (platforms.length === 0) throw notAnExport(shown, members);
  const lists: DownloadList[] = [];
  for (const platform of platforms) {
    const adapter = adapters[platform] as PlatformAdapter;
    const list = await readExport(file, platform, MAX_SOURCE_BYTES);
    if (!list) continue;
    const about = await readAbout(file, members, adapter);
    const named = adapter.ownerInName?.exec(basename(full))?.groups?.handle ?? null;
    const owner: DownloadOwner | null = about.owner
      ? { ...about.owner, from: 'content' }
      : named
        ? { id: null, handle: named, from: 'name' }
        : null;
    lists.push({ platform, list, owner, date: dateOf(full, about, members), missing: about.missing });
  }
  return lists;
}

/** What the download's own files say about it; the first reader to tell a field wins. */
async function readAbout(
  file: ExportFile,
  members: ZipMember[] | null,
  adapter: PlatformAdapter,
): Promise<ExportAbout> {
  const about: ExportAbout = { owner: null, createdAt: null, missing: null };
  const names = members?.map((m) => m.name) ?? [];
  for (const reader of adapter.about ?? []) {
    const files = members
      ? members
          .filter((m) => reader.member.test(m.name))
          .map((m) => exportFile(`${file.path}!${m.name}`, m.name, m.read(MAX_SOURCE_BYTES)))
      : reader.inList
        ? [file]
        : [];
    for (const f of files) {
      const told = await reader.read(f, names);
      about.owner ??= told.owner ?? null;
      about.createdAt ??= told.createdAt ?? null;
      about.missing ??= told.missing ?? null;
    }
  }
  return about;
}

/**
 * The day a download describes (docs/sources.md): what the platform wrote into it, then the newest time
 * of the ZIP's files, then a date in its file name. Never the file's modification time: a copy
 * or a git checkout changes it.
 */
function dateOf(full: string, about: ExportAbout, members: ZipMember[] | null): DownloadDate | null {
  if (about.createdAt) return { at: about.createdAt, day: null, from: 'the export' };
  const newest = members?.map((m) => m.modified?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
  if (newest) return { at: new Date(newest).toISOString(), day: null, from: 'the files in the ZIP' };
  const name = basename(full);
  const day = /(\d{4}-\d{2}-\d{2})/.exec(name)?.[1];
  if (day && isDay(day)) return { at: null, day, from: 'the file name' };
  // TikTok names its ZIP TikTok_Data_<unix seconds>.zip.
  const seconds = Number(/(?:^|[_-])(\d{10})(?=\D|$)/.exec(name)?.[1]);
  if (seconds > 1_262_304_000 && seconds < 4_102_444_800)
    return { at: new Date(seconds * 1000).toISOString(), day: null, from: 'the file name' };
  return null;
}

function notAnExport(shown: string, members: ZipMember[] | null): SourceError {
  const html = members?.some((m) => /(following|followed)[^/]*\.html$/i.test(m.name));
  return new SourceError(
    `${shown} holds no following list follow-audit reads${
      html ? ': it is in HTML; request the download again in JSON format' : ''
    }. It reads the platforms' own downloads (${supportedFormats()}), as files or as the ZIP downloaded`,
  );
}
