// What a later run reads of a saved report (docs/json-report.md): checked by hand, since it runs
// on every audit with a history and a report holds every follow.
import type { EarlierFinding, FollowKey } from '../core/changes.js';
import { ALL_CLASSES, FINDING_KINDS } from '../core/findings.js';
import type { Report } from '../core/report.js';
import { PLATFORMS } from '../model.js';
import { isRecord } from '../util/record.js';

/** The follows of one account as newer reports keep them: one array per field. */
export interface FollowColumns {
  id: (string | null)[];
  handle: (string | null)[];
  name: (string | null)[];
}

export interface SavedReport {
  schemaVersion: 1;
  asOf: string;
  savedAt?: string;
  accounts: { name: string; platform: Report['accounts'][number]['platform']; complete: boolean }[];
  findings: EarlierFinding[];
  // Older reports keep a key object per follow.
  follows?: Record<string, FollowKey[] | FollowColumns>;
}

type Data = Record<string, unknown>;
const KINDS = new Set<unknown>(Object.keys(FINDING_KINDS));
const CLASSES = new Set<unknown>(ALL_CLASSES);
const PLATFORM_SET = new Set<unknown>(PLATFORMS);
const text = (v: unknown) => typeof v === 'string';
const textOrNull = (v: unknown) => v === null || typeof v === 'string';
const onlyKeys = (v: Data, keys: readonly string[]) => Object.keys(v).every((k) => keys.includes(k));

const isAccount = (a: unknown) =>
  isRecord(a) && text(a.name) && PLATFORM_SET.has(a.platform) && typeof a.complete === 'boolean';
const isRef = (r: unknown) =>
  isRecord(r) && textOrNull(r.id) && textOrNull(r.handle) && textOrNull(r.name) && textOrNull(r.url);
const isPlace = (p: unknown) =>
  p === undefined || p === null || (isRecord(p) && text(p.file) && typeof p.line === 'number');
const isFinding = (f: unknown) =>
  isRecord(f) &&
  KINDS.has(f.kind) &&
  CLASSES.has(f.class) &&
  text(f.account) &&
  PLATFORM_SET.has(f.platform) &&
  isRef(f.target) &&
  isPlace(f.entry) &&
  isPlace(f.exception) &&
  text(f.message);
const isKey = (k: unknown) =>
  isRecord(k) &&
  onlyKeys(k, ['id', 'handle', 'name']) &&
  [k.id, k.handle, k.name].every((v) => v === undefined || text(v));
const isColumn = (c: unknown) => Array.isArray(c) && c.every(textOrNull);
const isColumns = (c: unknown) =>
  isRecord(c) &&
  onlyKeys(c, ['id', 'handle', 'name']) &&
  isColumn(c.id) &&
  isColumn(c.handle) &&
  isColumn(c.name);
const isFollows = (f: unknown) =>
  f === undefined ||
  (isRecord(f) &&
    Object.values(f).every((saved) => (Array.isArray(saved) ? saved.every(isKey) : isColumns(saved))));

/** Whether a value is a report this version can compare with. */
export function isSavedReport(value: unknown): value is SavedReport {
  return (
    isRecord(value) &&
    value.schemaVersion === 1 &&
    text(value.asOf) &&
    (value.savedAt === undefined || text(value.savedAt)) &&
    Array.isArray(value.accounts) &&
    value.accounts.every(isAccount) &&
    Array.isArray(value.findings) &&
    value.findings.every(isFinding) &&
    isFollows(value.follows)
  );
}
