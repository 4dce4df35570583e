// Writes a new pin into an including file in place, so that its comments, order and formatting
// survive (yaml's Document API), as resolve --write does for ids.
import { isMap, isScalar, parseDocument, Scalar, type YAMLMap } from 'yaml';
import type { Day } from '../model.js';
import { allowlistText } from './resolve-yaml.js';

/** The including file's text with `sha256` and `updated` set; every other line as it was. */
export function pinnedText(text: string, sha256: string, updated: Day): string {
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) return text;
  const map = doc.contents as YAMLMap;
  for (const [key, value, after] of [
    ['sha256', sha256, 'include'],
    ['updated', updated, 'sha256'],
  ] as const) {
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    // The scalar keeps its place and its comment; only its value changes.
    if (pair && isScalar(pair.value)) pair.value.value = value;
    else if (pair) pair.value = new Scalar(value);
    else {
      const at = map.items.findIndex((p) => isScalar(p.key) && p.key.value === after);
      map.items.splice(at + 1, 0, doc.createPair(key, value));
    }
  }
  return allowlistText(doc);
}
