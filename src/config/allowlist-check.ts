// The fast path of allowlist validation. A valid file of 12k entries costs zod hundreds of
// milliseconds; this reads the same shape by hand. It accepts only what `allowlistSchema` accepts
// and gives exactly its output (the same keys in the same order, ids as text), and returns null
// for anything else, which zod then checks and words. test/config/allowlist-check.property.test.ts
// holds the two to that.
import { PLATFORM_ALIASES, PLATFORMS } from '../model.js';
import type { AllowlistFile } from './allowlist-schema.js';
import type { IncludeFile } from './include-schema.js';
import { day, filled, identifier, keep, listOf, object, orNull, text } from './shape.js';

const ACCOUNT_KEYS = [...PLATFORMS, ...Object.keys(PLATFORM_ALIASES)];

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

const refList = listOf(ref);
const refs = (v: unknown) => (Array.isArray(v) ? refList(v) : ref(v));

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

const entries = listOf((v) => {
  const entry = object(v, ENTRY_SHAPE);
  return entry && 'name' in entry && 'accounts' in entry ? entry : undefined;
});

const FILE_SHAPE = {
  category: keep(identifier),
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

const EXCLUSION_SHAPE = { name: keep(filled), decided: keep(day), decision: keep(text), note: keep(text) };
const INCLUDE_SHAPE = {
  include: keep(filled),
  sha256: keep((v) => typeof v === 'string' && /^[0-9a-fA-F]{64}$/.test(v)),
  updated: keep(day),
  exclude: (v: unknown) =>
    v === null
      ? []
      : listOf((x) => {
          const out = object(x, EXCLUSION_SHAPE);
          return out && 'name' in out ? out : undefined;
        })(v),
};

/** The include file as `includeSchema` would give it, or null when only zod can tell. */
export function plainInclude(data: unknown): IncludeFile | null {
  const out = object(data, INCLUDE_SHAPE, { exclude: () => [] });
  return out && 'include' in out ? (out as IncludeFile) : null;
}
