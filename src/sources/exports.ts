import { SourceError } from '../errors.js';
import type { Platform } from '../model.js';
import { adapters } from '../platforms/registry.js';
import type { ExportFile, ExportFormat, ExportResult, PlatformAdapter } from '../platforms/types.js';
import { plural } from '../util/text.js';
import { isZip, listZip, type ZipMember } from './zip.js';

/** An export file whose text is decoded once, however many formats look at it. */
export function exportFile(path: string, name: string, bytes: Uint8Array): ExportFile {
  let text: string | undefined;
  return { path, name, bytes, text: () => (text ??= decodeText(bytes)) };
}

/** Every export format follow-audit reads, for messages. */
export function supportedFormats(): string {
  return Object.values(adapters)
    .flatMap((a) => (a.exports ?? []).map((f) => f.name))
    .join(', ');
}

/** The platform and format whose content a (non-ZIP) file has, if any. */
export function detectFormat(file: ExportFile): { adapter: PlatformAdapter; format: ExportFormat } | null {
  for (const adapter of Object.values(adapters) as PlatformAdapter[]) {
    const format = adapter.exports?.find((f) => detects(f, file));
    if (format) return { adapter, format };
  }
  return null;
}

/** The platforms whose following list a file (or ZIP) holds, for `init --from` without --platform. */
export function detectPlatforms(file: ExportFile, maxBytes = Number.POSITIVE_INFINITY): Platform[] {
  if (!isZip(file.bytes)) {
    const found = detectFormat(file);
    return found ? [found.adapter.platform] : [];
  }
  const members = listZip(file.bytes, file.path);
  const budget = { left: maxBytes };
  return (Object.values(adapters) as PlatformAdapter[])
    .filter((a) => findInZip(file, members, a, budget))
    .map((a) => a.platform);
}

/**
 * Recognizes a platform's data-export file, or the ZIP as downloaded, by its content and parses
 * it. Returns null when the file is no platform's export; throws SourceError when it belongs to
 * another platform, or is a damaged export.
 */
export async function readExport(
  file: ExportFile,
  platform: Platform,
  maxBytes: number,
): Promise<ExportResult | null> {
  const own = adapters[platform] as PlatformAdapter;
  if (isZip(file.bytes)) return readZipExport(file, own, maxBytes);
  const found = detectFormat(file);
  if (!found) return null;
  if (found.adapter !== own) throw otherPlatform(file.path, found.format.name, found.adapter, own);
  return found.format.parse(file);
}

async function readZipExport(
  archive: ExportFile,
  own: PlatformAdapter,
  maxBytes: number,
): Promise<ExportResult> {
  const members = listZip(archive.bytes, archive.path);
  const budget = { left: maxBytes };
  const mine = findInZip(archive, members, own, budget);
  if (mine) return merge(await Promise.all(mine.files.map((f) => mine.format.parse(f))));
  for (const adapter of Object.values(adapters) as PlatformAdapter[]) {
    const other = adapter === own ? null : findInZip(archive, members, adapter, budget);
    if (other)
      throw otherPlatform(archive.path, `${other.format.name} (${other.files[0]!.name})`, adapter, own);
  }
  const html = members.some((m) => /(following|followed)[^/]*\.html$/i.test(m.name));
  const listed = members
    .slice(0, 5)
    .map((m) => m.name)
    .join(', ');
  throw new SourceError(
    `${archive.path} is a ZIP archive without a following list follow-audit reads${
      html ? ': it is in HTML; download it again in JSON format' : ''
    }. It holds ${plural(members.length, 'file')} (${listed || 'none'}${
      members.length > 5 ? ', …' : ''
    }); ${readsFor(own)}`,
  );
}

/** The members of one platform's format in an archive: all parts of it, in name order. */
function findInZip(
  archive: ExportFile,
  members: ZipMember[],
  adapter: PlatformAdapter,
  budget: { left: number },
) {
  for (const format of adapter.exports ?? []) {
    const files = members
      .filter((m) => format.member.test(m.name))
      .sort((a, b) => partOrder(a.name).localeCompare(partOrder(b.name), 'en', { numeric: true }))
      .map((m) => {
        const bytes = m.read(budget.left);
        budget.left -= bytes.length;
        return exportFile(`${archive.path}!${m.name}`, m.name, bytes);
      })
      .filter((f) => detects(format, f));
    if (files.length > 0) return { format, files };
  }
  return null;
}

/** "following.js" before "following-part1.js": names compared without their extension. */
const partOrder = (name: string) => name.replace(/\.[^./]+$/, '');

function merge(results: ExportResult[]): ExportResult {
  return {
    following: results.flatMap((r) => r.following),
    notes: [...new Set(results.flatMap((r) => r.notes))],
    fetchedAt: results.find((r) => r.fetchedAt)?.fetchedAt ?? null,
  };
}

function detects(format: ExportFormat, file: ExportFile): boolean {
  try {
    return format.detect(file);
  } catch {
    return false;
  }
}

const otherPlatform = (path: string, what: string, owner: PlatformAdapter, own: PlatformAdapter) =>
  new SourceError(
    `${path} is ${what}, from ${owner.label}, but this account is on ${own.label}: point source: at the ${own.label} download`,
  );

/** UTF-8 without a BOM; UTF-16 files (some spreadsheet exports) by their BOM. */
function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** What follow-audit reads for a platform; a format's name starts with its platform's. */
function readsFor(adapter: PlatformAdapter): string {
  const names = (adapter.exports ?? []).map((f) => f.name);
  return names.length
    ? `follow-audit reads ${names.join(', ')}`
    : `follow-audit reads ${adapter.label} through its API only`;
}
