import { SourceError } from '../errors.js';

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF, a leading BOM. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new SourceError('the file ends inside a quoted field: it looks truncated');
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
