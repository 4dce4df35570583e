// JSON.stringify's text of an object, compact or indented, in pieces: a report that keeps a million
// follows would otherwise be one string of a hundred megabytes, and as many again to write it out.

import { isRecord } from './record.js';

/** Long arrays are written this many items to a piece. */
const ITEMS_PER_CHUNK = 2000;

/**
 * The pieces of `JSON.stringify(value)` for a plain object of JSON values: joined, they are that
 * text exactly. Its arrays of objects, and the arrays inside an object of such arrays, are cut
 * into pieces of whole items.
 */
export function* jsonChunks(value: Record<string, unknown>): Generator<string> {
  // The object, the values of its keys, and theirs.
  yield* valueChunks(value, 3);
}

function* valueChunks(value: unknown, depth: number): Generator<string> {
  if (Array.isArray(value) && value.length > ITEMS_PER_CHUNK) {
    yield '[';
    for (let i = 0; i < value.length; i += ITEMS_PER_CHUNK) {
      const part = JSON.stringify(value.slice(i, i + ITEMS_PER_CHUNK));
      yield `${i ? ',' : ''}${part.slice(1, -1)}`;
    }
    yield ']';
  } else if (depth > 0 && isRecord(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
    let first = true;
    yield '{';
    for (const [key, v] of Object.entries(value)) {
      if (!isJson(v)) continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* valueChunks(v, depth - 1);
    }
    yield '}';
  } else {
    yield JSON.stringify(value) ?? 'null';
  }
}

/**
 * The pieces of `JSON.stringify(value, null, 2)` for a plain object of JSON values: joined, they
 * are that text exactly. Its long arrays come a few items to a piece. Each piece is stringified
 * inside an object of its one key, so that JSON.stringify itself indents it as it stands.
 */
export function* indentedJsonChunks(value: Record<string, unknown>): Generator<string> {
  const entries = Object.entries(value).filter(([, v]) => isJson(v));
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{\n';
  for (const [i, [key, v]] of entries.entries()) {
    if (Array.isArray(v) && v.length > ITEMS_PER_CHUNK) {
      const open = `{\n  ${JSON.stringify(key)}: [\n`;
      yield open.slice(2);
      for (let at = 0; at < v.length; at += ITEMS_PER_CHUNK) {
        const part = JSON.stringify({ [key]: v.slice(at, at + ITEMS_PER_CHUNK) }, null, 2);
        yield `${at ? ',\n' : ''}${part.slice(open.length, -'\n  ]\n}'.length)}`;
      }
      yield '\n  ]';
    } else yield JSON.stringify({ [key]: v }, null, 2).slice(2, -2);
    yield i < entries.length - 1 ? ',\n' : '\n';
  }
  yield '}';
}

/** Whether JSON.stringify writes the key of this value in an object (it leaves out undefined, functions, symbols). */
const isJson = (v: unknown) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
