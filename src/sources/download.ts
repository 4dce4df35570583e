// A platform download as `import` takes it: which platforms' following lists it holds, whose it
// is, and which day it describes. Only the lists and these facts leave this module; the rest of
// the download (messages, posts, e-mail addresses) is read only where a reader needs a field.
import { basename } from 'node:path';
import { SourceError } from '../errors.js';
import type { Platform } from '../model.js';
import { adapters } from '../platforms/registry.js';
import type { ExportResult, ParsedRef, PlatformAdapter } from '../platforms/types.js';
import { detectPlatforms, exportFile, readExport, supportedFormats } from './exports.js';
import { MAX_SOURCE_BYTES, readSourceBytes } from './file.js';
import { type DownloadDate, dateOf, readAbout } from './list-date.js';
import { isZip, listZip, type ZipMember } from './zip.js';

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
    const about = await readAbout(file, members, adapter, MAX_SOURCE_BYTES);
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

function notAnExport(shown: string, members: ZipMember[] | null): SourceError {
  const html = members?.some((m) => /(following|followed)[^/]*\.html$/i.test(m.name));
  return new SourceError(
    `${shown} holds no following list follow-audit reads${
      html ? ': it is in HTML; request the download again in JSON format' : ''
    }. It reads the platforms' own downloads (${supportedFormats()}), as files or as the ZIP downloaded`,
  );
}
