// The fast path of policy.yaml's validation, so that an audit of a valid folder never loads zod.
// It accepts only what `policySchema` accepts and gives exactly its output (the same keys in the
// same order, the defaults filled in), and returns null for anything else, which zod then checks
// and words. test/config/policy-check.property.test.ts holds the two to that.
import { PLATFORM_ALIASES, PLATFORMS } from '../model.js';
import { isTimeZone } from '../util/days.js';
import type { PolicyFile } from './policy-schema.js';
import { day, filled, identifier, keep, listOf, object, text } from './shape.js';

const PLATFORM_NAMES = new Set<unknown>([...PLATFORMS, ...Object.keys(PLATFORM_ALIASES)]);
// The same address test as fields.ts's `email`.
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

const days = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
const email = (v: unknown) => typeof v === 'string' && EMAIL.test(v);
const timezone = (v: unknown) => typeof v === 'string' && isTimeZone(v);
const identifiers = listOf(keep(identifier));
/** Left out: the default (no key); written empty: none. */
const categories = (v: unknown) => (v === null ? [] : identifiers(v));
/** Left out or written empty: an empty list. */
const orEmpty = (read: (v: unknown) => unknown[] | undefined) => (v: unknown) => (v === null ? [] : read(v));
/** URLs are rare here and zod's URL test is subtle: a policy with one is left to zod. */
const refuse = () => undefined;

const ACCOUNT_SHAPE = {
  name: keep(identifier),
  platform: keep((v) => PLATFORM_NAMES.has(v)),
  handle: keep(filled),
  id: keep(filled),
  source: keep(filled),
  api_url: refuse,
  plc_url: refuse,
  allow: categories,
  contact: keep(email),
  max_age_days: keep(days),
  as_of: keep(day),
  note: keep(text),
};
const EXCEPTION_SHAPE = {
  account: keep(filled),
  follows: keep(filled),
  reason: keep(filled),
  approved_by: keep(filled),
  decided: keep(day),
  decision: keep(text),
  expires: keep(day),
  note: keep(text),
};
const required =
  (shape: Record<string, (v: unknown) => unknown>, keys: readonly string[]) =>
  (v: unknown): unknown => {
    const out = object(v, shape);
    return out && keys.every((k) => k in out) ? out : undefined;
  };
const account = required(ACCOUNT_SHAPE, ['name', 'platform', 'handle']);
const exception = required(EXCEPTION_SHAPE, ['account', 'follows', 'reason', 'approved_by', 'expires']);

const POLICY_SHAPE = {
  organization: keep(filled),
  contact: keep(email),
  timezone: keep(timezone),
  warn_days: keep(days),
  max_age_days: keep(days),
  allow: categories,
  accounts: (v: unknown) => {
    const list = listOf(account)(v);
    return list && list.length > 0 ? list : undefined;
  },
  exceptions: orEmpty(listOf(exception)),
};
const POLICY_DEFAULTS = {
  timezone: () => 'UTC',
  warn_days: () => 30,
  max_age_days: () => 45,
  exceptions: () => [],
};

/** The policy as `policySchema` would give it, or null when only zod can tell. */
export function plainPolicy(data: unknown): PolicyFile | null {
  const out = object(data, POLICY_SHAPE, POLICY_DEFAULTS);
  return out && 'organization' in out && 'accounts' in out ? (out as PolicyFile) : null;
}
