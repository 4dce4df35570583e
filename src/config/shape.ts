// The pieces of the hand-written fast paths (allowlist-check.ts, policy-check.ts): each reads one
// shape of plain data exactly as its zod schema would, or refuses it so that zod checks and words it.
import { isDay } from '../util/days.js';
import { isRecord } from '../util/record.js';

export type Out = Record<string, unknown>;
/** A reader gives the value as the schema outputs it, or `undefined` to refuse it. */
export type Reader = (v: unknown) => unknown;

export const text = (v: unknown) => typeof v === 'string';
export const filled = (v: unknown) => typeof v === 'string' && v !== '';
export const day = (v: unknown) => typeof v === 'string' && isDay(v);
export const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const identifier = (v: unknown) => typeof v === 'string' && IDENTIFIER.test(v);

/**
 * Copies the keys of `shape` present in `data`, in the shape's order, each through its reader, and
 * the `absent` value of a key left out (a zod default); null when a key is unknown or a value is refused.
 */
export function object(
  data: unknown,
  shape: Record<string, Reader>,
  absent?: Record<string, () => unknown>,
): Out | null {
  if (!isRecord(data)) return null;
  let known = 0;
  const out: Out = {};
  for (const key in shape) {
    if (!(key in data)) {
      if (absent?.[key]) out[key] = absent[key]();
      continue;
    }
    known++;
    const value = shape[key]!(data[key]);
    if (value === undefined) return null;
    out[key] = value;
  }
  return known === Object.keys(data).length ? out : null;
}

/** A reader that keeps a value `test` accepts as it is. */
export const keep = (test: (v: unknown) => boolean) => (v: unknown) => (test(v) ? v : undefined);
export const orNull = (v: Out | null) => v ?? undefined;

/** A reader of a list whose every item `item` accepts. */
export const listOf =
  (item: Reader) =>
  (v: unknown): unknown[] | undefined => {
    if (!Array.isArray(v)) return undefined;
    const out: unknown[] = [];
    for (const x of v) {
      const read = item(x);
      if (read === undefined) return undefined;
      out.push(read);
    }
    return out;
  };
