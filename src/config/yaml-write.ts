import { Document, isSeq, LineCounter, parseDocument, type YAMLMap } from 'yaml';

/** A document as text, long values unfolded. */
export function documentText(doc: Document): string {
  return doc.toString({ lineWidth: 0 });
}

/** A value to add to a YAML file, with an end-of-line comment on some of its keys. */
export interface NewItem {
  value: Record<string, unknown>;
  comments?: Record<string, string>;
}

/**
 * The text with `item` added to the block sequence under the top-level `key` (or put in place of
 * its item `replace`). Only the lines of that item change: every other line, comment and space of
 * the file stays as it was, which re-serializing the whole document would not promise.
 */
export function withSequenceItem(text: string, key: string, item: NewItem, replace = -1): string | null {
  const doc = parseDocument(text, { lineCounter: new LineCounter() });
  const seq = doc.get(key, true);
  if (!isSeq(seq) || seq.flow || seq.items.length === 0) return null;
  const items = seq.items as YAMLMap[];
  const first = items[0]!.range!;
  const dash = text.lastIndexOf('-', first[0]);
  const indent = dash - text.lastIndexOf('\n', dash) - 1;
  const lines = itemText(item).map((l, i) => (i === 0 ? l : `${' '.repeat(indent)}${l}`));
  if (replace >= 0) {
    const node = items[replace]!.range!;
    const start = text.lastIndexOf('-', node[0]);
    return text.slice(0, start) + lines.join('\n') + text.slice(lineEnd(text, node[1]));
  }
  const end = lineEnd(text, items.at(-1)!.range![1]);
  return `${text.slice(0, end)}\n${' '.repeat(indent)}${lines.join('\n')}${text.slice(end)}`;
}

/** The text with a top-level `key: value` line put before `before:` and the comments over it. */
export function withKeyBefore(text: string, before: string, line: string): string | null {
  const at = new RegExp(`^${before}:`, 'm').exec(text);
  if (!at) return null;
  let start = at.index;
  for (;;) {
    const previous = text.lastIndexOf('\n', start - 2) + 1;
    if (start === 0 || !text.slice(previous, start).startsWith('#')) break;
    start = previous;
  }
  return `${text.slice(0, start)}${line}\n${text.slice(start)}`;
}

function itemText(item: NewItem): string[] {
  const doc = new Document([item.value]);
  const map = (doc.contents as { items: YAMLMap[] }).items[0]!;
  for (const [k, comment] of Object.entries(item.comments ?? {})) {
    const node = map.get(k, true) as { comment?: string } | undefined;
    if (node) node.comment = ` ${comment}`;
  }
  return documentText(doc).trimEnd().split('\n');
}

/** Where the line holding position `at - 1` ends (its trailing comment included). */
function lineEnd(text: string, at: number): number {
  const end = text.indexOf('\n', Math.max(0, at - 1));
  return end === -1 ? text.length : end;
}
