import { SourceError } from '../errors.js';
import { jsonFault } from '../util/json-fault.js';
import type { ExportFile } from './types.js';

const parsed = new WeakMap<ExportFile, { value: unknown } | null>();

/**
 * The file's whole JSON value, parsed once however many formats look at it; null when the file
 * is not JSON (or is damaged). Formats detect by what the value holds, wherever in the file.
 */
export function jsonOf(file: ExportFile): { value: unknown } | null {
  let result = parsed.get(file);
  if (result === undefined) {
    const text = file.text();
    const first = /\S/.exec(text)?.[0];
    result = null;
    if (first === '{' || first === '[') {
      try {
        result = { value: JSON.parse(text) };
      } catch {
        result = null;
      }
    }
    parsed.set(file, result);
  }
  return result;
}

/** Parses an export file's JSON; a parse failure means the download is cut off or damaged. */
export function parseExportJson(file: ExportFile, format: string, text?: string): unknown {
  if (text === undefined) {
    const known = jsonOf(file);
    if (known) return known.value;
  }
  text ??= file.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SourceError(
      `${file.path} looks like ${format}, but ${jsonFault(error, text)}: the download is truncated or damaged, download it again`,
    );
  }
}

/** The start of a file, where export formats show their shape. */
export function head(file: ExportFile, chars = 4096): string {
  return file.text().slice(0, chars);
}

/** A list an export must have; anything else means the file is not what it claims to be. */
export function requireArray(file: ExportFile, format: string, value: unknown, where: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw new SourceError(`${file.path} is ${format}, but ${where} is not a list: the file is damaged`);
}

/** Unix seconds (Meta's exports) as an ISO date-time, or null. */
export function fromUnixSeconds(value: unknown): string | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0
    ? new Date(value * 1000).toISOString()
    : null;
}
