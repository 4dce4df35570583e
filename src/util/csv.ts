import { SourceError } from '../errors.js';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF, a leading BOM. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  // A field is `field` plus the run of text from `run` that has not been copied into it yet:
  // copying runs, not characters, keeps a large file from making millions of small strings.
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let run = i;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c !== QUOTE) continue;
      field += text.slice(run, i);
      if (text.charCodeAt(i + 1) === QUOTE) {
        field += '"';
        i++;
      } else quoted = false;
      run = i + 1;
    } else if (c === QUOTE && field === '' && run === i) {
      quoted = true;
      run = i + 1;
    } else if (c === COMMA) {
      row.push(field + text.slice(run, i));
      field = '';
      run = i + 1;
    } else if (c === LF || c === CR) {
      row.push(field + text.slice(run, i));
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      rows.push(row);
      row = [];
      field = '';
      run = i + 1;
    }
  }
  if (quoted) throw new SourceError('the file ends inside a quoted field: it looks truncated');
  field += text.slice(run);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

export const CSV_COLUMNS = ['id', 'handle', 'name', 'url'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Column positions of a plain follow-audit CSV header, or null when the first row is not one. */
export function csvHeader(row: readonly string[]): Partial<Record<CsvColumn, number>> | null {
  const found: Partial<Record<CsvColumn, number>> = {};
  row.forEach((cell, i) => {
    const name = cell.trim().toLowerCase() as CsvColumn;
    if ((CSV_COLUMNS as readonly string[]).includes(name) && found[name] === undefined) found[name] = i;
  });
  return Object.keys(found).length > 0 ? found : null;
}
