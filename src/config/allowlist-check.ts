// The fast path of allowlist validation. A valid file of 12k entries costs zod hundreds of
// milliseconds; this reads the same shape by hand. It accepts only what `allowlistSchema` accepts
// and gives exactly its output (the same keys in the same order, ids as text), and returns null
// for anything else, which zod then checks and words. test/config/allowlist-check.property.test.ts
// holds the two to that.
import { PLATFORM_ALIASES, PLATFORMS } from '../model.js';
import { isDay } from '../util/days.js';
import type { AllowlistFile } from './allowlist-schema.js';

type Data = Record<string, unknown>;
type Out = Record<string, unknown>;

const isMap = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => typeof v === 'string';
const filled = (v: unknown) => typeof v === 'string' && v !== '';
const day = (v: unknown) => typeof v === 'string' && isDay(v);
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const ACCOUNT_KEYS = [...PLATFORMS, ...Object.keys(PLATFORM_ALIASES)];

/**
 * Copies the keys of `shape` present in `data`, in the shape's order, each through its reader;
 * null when a key is unknown or a value is refused (`undefined` from a reader).
 */
function object(data: unknown, shape: Record<string, (v: unknown) => unknown>): Out | null {
  if (!isMap(data)) return null;
  let known = 0;
  const out: Out = {};
  for (const key in shape) {
    if (!(key in data)) continue;
    known++;
    const value = shape[key]!(data[key]);
    if (value === undefined) return null;
    out[key] = value;
  }
  return known === Object.keys(data).length ? out : null;
}

/** A reader that keeps a value `test` accepts as it is. */
const keep = (test: (v: unknown) => boolean) => (v: unknown) => (test(v) ? v : undefined);
const orNull = (v: Out | null) => v ?? undefined;

function stableId(v: unknown): string | undefined {
  if (filled(v)) return v as string;
  return typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : undefined;
}

const REF_SHAPE = {
  handle: keep(filled),
  id: stableId,
  name: keep(filled),
  url: keep(filled),
  confirmed: keep(day),
  confirmed_by: keep(filled),
};

function ref(v: unknown): unknown {
  if (typeof v === 'string') return v === '' ? undefined : v;
  const out = object(v, REF_SHAPE);
  return out && (out.handle ?? out.id ?? out.name ?? out.url) ? out : undefined;
}

function refs(v: unknown): unknown {
  if (!Array.isArray(v)) return ref(v);
  const out: unknown[] = [];
  for (const item of v) {
    const r = ref(item);
    if (r === undefined) return undefined;
    out.push(r);
  }
  return out;
}

const ACCOUNTS_SHAPE = Object.fromEntries(ACCOUNT_KEYS.map((k) => [k, refs]));
const RETRACTION_SHAPE = { date: keep(day), reason: keep(text) };
const ENDORSEMENT_SHAPE = {
  level: keep((v) => v === 'local' || v === 'national'),
  office: keep(text),
  endorsed: keep(day),
  expires: keep(day),
  retracted: (v: unknown) => {
    if (day(v)) return v;
    const out = object(v, RETRACTION_SHAPE);
    return out && 'date' in out ? out : undefined;
  },
};
const ENTRY_SHAPE = {
  name: keep(filled),
  accounts: (v: unknown) => orNull(object(v, ACCOUNTS_SHAPE)),
  endorsement: (v: unknown) => {
    const out = object(v, ENDORSEMENT_SHAPE);
    return out && 'expires' in out ? out : undefined;
  },
  decided: keep(day),
  decision: keep(text),
  note: keep(text),
};

function entries(v: unknown): unknown {
  if (!Array.isArray(v)) return undefined;
  const out: unknown[] = [];
  for (const item of v) {
    const entry = object(item, ENTRY_SHAPE);
    if (!entry || !('name' in entry && 'accounts' in entry)) return undefined;
    out.push(entry);
  }
  return out;
}

const FILE_SHAPE = {
  category: keep((v) => typeof v === 'string' && IDENTIFIER.test(v)),
  description: keep(text),
  entries,
};

/** The allowlist as `allowlistSchema` would give it, or null when only zod can tell. */
export function plainAllowlist(data: unknown): AllowlistFile | null {
  const out = object(data, FILE_SHAPE);
  if (!out || !('category' in out)) return null;
  out.entries ??= [];
  return out as AllowlistFile;
}
