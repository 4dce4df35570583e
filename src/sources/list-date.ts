// What a download says about itself (whose it is, when it was made) and the day a list describes.
// Shared by `import` and by audits that read a download straight from `source:`.
import { basename } from 'node:path';
import type { Day } from '../model.js';
import type { ExportAbout, ExportFile, PlatformAdapter } from '../platforms/types.js';
import { dayIn, isDay } from '../util/days.js';
import { exportFile } from './exports.js';
import type { ZipMember } from './zip.js';

export interface DownloadDate {
  /** The instant the download records, or null when only a day is known. */
  at: string | null;
  /** The day, when only a day is known (a date in the file name). */
  day: Day | null;
  from: 'the export' | 'the files in the ZIP' | 'the file name';
}

/** What the download's own files say about it; the first reader to tell a field wins. */
export async function readAbout(
  file: ExportFile,
  members: ZipMember[] | null,
  adapter: PlatformAdapter,
  maxBytes: number,
): Promise<ExportAbout> {
  const about: ExportAbout = { owner: null, createdAt: null, missing: null };
  const names = members?.map((m) => m.name) ?? [];
  for (const reader of adapter.about ?? []) {
    const files = members
      ? members
          .filter((m) => reader.member.test(m.name))
          .map((m) => exportFile(`${file.path}!${m.name}`, m.name, m.read(maxBytes)))
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
export function dateOf(name: string, about: ExportAbout, members: ZipMember[] | null): DownloadDate | null {
  if (about.createdAt) return { at: about.createdAt, day: null, from: 'the export' };
  const newest = members?.map((m) => m.modified?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
  if (newest) return { at: new Date(newest).toISOString(), day: null, from: 'the files in the ZIP' };
  const file = basename(name);
  const day = /(\d{4}-\d{2}-\d{2})/.exec(file)?.[1];
  if (day && isDay(day)) return { at: null, day, from: 'the file name' };
  // TikTok names its ZIP TikTok_Data_<unix seconds>.zip.
  const seconds = Number(/(?:^|[_-])(\d{10})(?=\D|$)/.exec(file)?.[1]);
  if (seconds > 1_262_304_000 && seconds < 4_102_444_800)
    return { at: new Date(seconds * 1000).toISOString(), day: null, from: 'the file name' };
  return null;
}

/** The calendar day (in the policy's timezone) a download's date falls on. */
export function dayOfDownload(date: DownloadDate, timeZone: string): Day {
  return date.day ?? dayIn(timeZone, new Date(date.at!));
}
