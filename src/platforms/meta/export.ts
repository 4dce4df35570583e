// Meta's "Download your information" JSON (Instagram, Threads, Facebook). Shapes per the research
// notes (README.md, "Where the following lists come from"): following lists of { title, string_list_data: [{ href, value, timestamp }] }.
import { SourceError } from '../../errors.js';
import { isRecord } from '../../util/record.js';
import { fromUnixSeconds, jsonOf, parseExportJson, requireArray } from '../export-json.js';
import type { ExportFile, ExportFormat } from '../types.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Meta writes each UTF-8 byte of non-ASCII text as its own \u00xx escape, so "José" arrives as
 * "JosÃ©". Re-reading those code units as bytes repairs it; text that does not decode as UTF-8
 * that way (a genuine "é" alone) was never mojibake and is kept.
 */
export function repairMojibake(text: string): string {
  if (!/[\u0080-\u00ff]/.test(text) || /[^\u0000-\u00ff]/.test(text)) return text;
  try {
    return strictUtf8.decode(Buffer.from(text, 'latin1'));
  } catch {
    return text;
  }
}

/**
 * Whether a Meta export file holds the list under `key`: a top-level key of the parsed file
 * wherever it is written, or, for a file cut off before its end, the key in its text.
 */
export function hasMetaKey(file: ExportFile, key: string): boolean {
  const json = jsonOf(file);
  if (json) return isRecord(json.value) && key in json.value;
  return /^\s*\{/.test(file.text()) && file.text().includes(`"${key}"`);
}

/** The list under `key` of a Meta export file (null: an empty list), with its text repaired. */
export function metaList(file: ExportFile, format: string, key: string): unknown[] {
  const data = parseExportJson(file, format);
  if (!isRecord(data) || !(key in data))
    throw new SourceError(`${file.path} is ${format}, but has no "${key}" list: the file is damaged`);
  if (data[key] === null) return [];
  return requireArray(file, format, data[key], `"${key}"`);
}

/**
 * One Instagram or Threads follow. The handle is in `title` in newer downloads (with a /_u/
 * link) and in `string_list_data[0].value` in older ones; rows with neither keep the link.
 */
export function metaFollow(
  file: ExportFile,
  format: string,
  item: unknown,
  index: number,
): { handle: string; followedAt: string | null } {
  const data = isRecord(item) && Array.isArray(item.string_list_data) ? item.string_list_data[0] : null;
  const entry = isRecord(data) ? data : {};
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? repairMojibake(v.trim()) : null);
  const href = text(entry.href);
  const fromHref =
    href
      ?.replace(/[?#].*$/, '')
      .split('/')
      .filter(Boolean)
      .pop() ?? null;
  const handle = (isRecord(item) && text(item.title)) || text(entry.value) || fromHref;
  if (!handle) {
    throw new SourceError(
      `${file.path} is ${format}, but entry ${index + 1} names no account: the file is damaged`,
    );
  }
  return { handle: handle.replace(/^@/, ''), followedAt: fromUnixSeconds(entry.timestamp) };
}

/** An Instagram-shaped following list (Instagram's own, or Threads'), told apart by its key. */
export function metaFollowingFormat(spec: {
  name: string;
  key: string;
  member: RegExp;
  profileUrl(handle: string): string;
}): ExportFormat {
  return {
    name: spec.name,
    member: spec.member,
    detect: (file) => hasMetaKey(file, spec.key),
    parse(file) {
      const following = metaList(file, spec.name, spec.key).map((item, i) => {
        const { handle, followedAt } = metaFollow(file, spec.name, item, i);
        return { id: null, handle, name: null, url: spec.profileUrl(handle), followedAt };
      });
      return { following, notes: [] };
    },
  };
}
