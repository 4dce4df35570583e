// What a file is, told without quoting it: a file the tool cannot read may be a .env or a
// password file, and its words must reach neither a screen nor a saved report.
import { parseCsv } from './csv.js';

export interface FileKind {
  /** "an HTML page", "a CSV file with 3 columns", … */
  kind: string;
  /** What to do about it, where the kind suggests something. */
  advice: string | null;
}

const SAMPLE = 64 * 1024;

/** The kind of file the bytes are, from their first 64 KB. */
export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return { kind: 'empty', advice: 'download it again' };
  const start = bytes.subarray(0, SAMPLE);
  if (startsWith(start, [0x50, 0x4b])) return { kind: 'a ZIP archive', advice: null };
  if (startsWith(start, [0x1f, 0x8b]))
    return { kind: 'a gzip archive', advice: 'unpack it and point at the file inside' };
  if (startsWith(start, [0x25, 0x50, 0x44, 0x46])) return { kind: 'a PDF document', advice: null };
  if (isUtf16(start)) return { kind: 'UTF-16 text', advice: 'save it as UTF-8' };
  const text = utf8(start, bytes.length > SAMPLE);
  if (text === null) return { kind: 'binary data, not text', advice: null };
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (/^<(!doctype\s+html|html|head|body)\b/i.test(body) || /<html[\s>]/i.test(body.slice(0, 4096)))
    return { kind: 'an HTML page', advice: 'request the download again in JSON format' };
  if (body.startsWith('{') || body.startsWith('['))
    return { kind: 'JSON of no layout follow-audit knows', advice: null };
  const lines = body.split(/\r?\n/).filter((l) => l.trim() !== '');
  const columns = csvColumns(lines);
  if (columns > 1)
    return {
      kind: `a CSV file with ${columns} columns, none of them named id, handle, name or url`,
      advice: 'name the columns in its first row',
    };
  return {
    kind: `text of ${lines.length} line${lines.length === 1 ? '' : 's'} with no CSV header row`,
    advice: null,
  };
}

/** A byte count as people read it: 812 bytes, 3.4 KB, 12 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  const [value, unit] = bytes < 1024 ** 2 ? [bytes / 1024, 'KB'] : [bytes / 1024 ** 2, 'MB'];
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${unit}`;
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** A UTF-16 byte order mark, or the NUL of every other byte that ASCII text in UTF-16 has. */
export function isUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const pairs = Math.min(bytes.length >> 1, 512);
  if (pairs < 2) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  return Math.max(even, odd) > pairs * 0.4 && Math.min(even, odd) < pairs * 0.1;
}

/**
 * The bytes as UTF-8 text, a BOM removed; null when they are not text (invalid UTF-8, NUL or
 * many controls). `cut`: the bytes are the start of a longer file, so may end inside a character.
 */
export function utf8(bytes: Uint8Array, cut = false): string | null {
  const whole = cut ? bytes.subarray(0, lastCharStart(bytes)) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(whole);
  } catch {
    return null;
  }
  const controls = text.match(/[\u0000-\u0008\u000E-\u001F\u007F]/g)?.length ?? 0;
  return text.includes('\u0000') || controls > text.length / 100 ? null : text.replace(/^\uFEFF/, '');
}

function lastCharStart(bytes: Uint8Array): number {
  let i = bytes.length;
  while (i > 0 && i > bytes.length - 4 && (bytes[i - 1]! & 0xc0) === 0x80) i--;
  return i > 0 && bytes[i - 1]! >= 0xc0 ? i - 1 : bytes.length;
}

/** The columns of the first row, where the second row (if any) has as many: prose has stray commas. */
function csvColumns(lines: string[]): number {
  try {
    const [first, second] = lines.slice(0, 2).map((line) => parseCsv(line)[0]?.length ?? 0);
    return second === undefined || second === first ? (first ?? 0) : 0;
  } catch {
    return 0;
  }
}
