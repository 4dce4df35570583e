// Finds the account references of an allowlist in its YAML document and fills in ids and handles
// in place, so that comments, order and formatting survive (yaml's Document API).
import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  Pair,
  parseDocument,
  Scalar,
  YAMLMap,
} from 'yaml';
import { toEntryRef } from '../config/refs.js';
import type { EntryRef } from '../config/types.js';
import { toPlatform } from '../platforms/registry.js';
import { looksLikeUrl } from '../platforms/urls.js';

export interface YamlRef {
  file: string;
  line: number;
  entry: string;
  /** As written: a handle, a URL, or the object's fields. */
  written: string;
  ref: EntryRef;
  /** Puts what a lookup found into the document. */
  fill(found: { id: string | null; handle: string | null }): void;
}

export interface AllowlistDocument {
  file: string;
  doc: Document;
  refs: YamlRef[];
}

/** Reads one allowlist, keeping its document for writing back. */
export function readAllowlistDocument(file: string, text: string): AllowlistDocument {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const refs: YamlRef[] = [];
  const entries = doc.get('entries', true);
  for (const entry of isSeq(entries) ? entries.items : []) {
    if (!isMap(entry)) continue;
    const accounts = entry.get('accounts', true);
    if (!isMap(accounts)) continue;
    for (const pair of accounts.items) {
      const platform = toPlatform(String(isScalar(pair.key) ? pair.key.value : pair.key));
      if (!platform) continue;
      const slots = isSeq(pair.value)
        ? pair.value.items.map((node, i, items) => ({ node, set: (n: Node) => (items[i] = n) }))
        : [{ node: pair.value, set: (n: Node) => (pair.value = n) }];
      for (const { node, set } of slots) {
        const input = (node as Node | null)?.toJSON();
        const ref = input ? toEntryRef(platform, input) : null;
        if (!ref?.ok) continue;
        refs.push({
          file,
          line: lines.linePos((node as Node).range?.[0] ?? 0).line,
          entry: String(entry.get('name') ?? ''),
          written: typeof input === 'string' ? input : JSON.stringify(input),
          ref: ref.value,
          fill: (found) => fill(doc, node as Node, set, found),
        });
      }
    }
  }
  return { file, doc, refs };
}

/** The document as text; long lines are not folded, so untouched lines stay as written. */
export function allowlistText(doc: Document): string {
  return doc.toString({ lineWidth: 0 });
}

function fill(
  doc: Document,
  node: Node,
  set: (n: Node) => void,
  found: { id: string | null; handle: string | null },
): void {
  const quoted = (value: string) => Object.assign(new Scalar(value), { type: Scalar.QUOTE_DOUBLE });
  if (isMap(node)) {
    if (found.id && !node.has('id')) node.set('id', quoted(found.id));
    if (found.handle && !node.has('handle')) node.set('handle', found.handle);
    return;
  }
  if (!isScalar(node)) return;
  // x: Handle becomes x: { handle: Handle, id: "123" }; a URL keeps its place as url.
  const map = new YAMLMap();
  map.flow = true;
  map.comment = node.comment;
  node.comment = undefined;
  const key = looksLikeUrl(String(node.value)) ? 'url' : 'handle';
  map.items.push(new Pair(doc.createNode(key), node));
  if (found.handle && key === 'url')
    map.items.push(new Pair(doc.createNode('handle'), doc.createNode(found.handle)));
  if (found.id) map.items.push(new Pair(doc.createNode('id'), quoted(found.id)));
  set(map);
}
