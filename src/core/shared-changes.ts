// What changed in a shared list between its pin and what its source holds now, in the words a
// committee reviews a pull request in: entries added and removed, accounts, endorsement dates,
// retractions, and whatever else differs.
import type { AllowlistFile, RefInput } from '../config/allowlist-schema.js';
import type { Day } from '../model.js';

export const CHANGE_KINDS = [
  'category',
  'added',
  'removed',
  'accounts',
  'endorsement',
  'retracted',
  'details',
  'exclusion',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface SharedChange {
  change: ChangeKind;
  /** The entry's name; null for a change of the whole list. */
  entry: string | null;
  /** The entry's line in the new content (in the old, for a removed one; in the including file, for an exclusion). */
  line: number | null;
  detail: string;
}

/**
 * `unchanged`: the source holds the pin. `changed`: it holds something else. `new`: not pinned
 * before. `restored`: it holds the pin, but the pinned copy was missing or damaged. `failed`: it
 * could not be fetched.
 */
export type UpdateState = 'unchanged' | 'changed' | 'new' | 'restored' | 'failed';

export interface SharedUpdate {
  file: string;
  source: string;
  /** The sha256 written in the file before this run; null when there was none. */
  pinned: string | null;
  /** What the source holds now; null when it could not be fetched. */
  sha256: string | null;
  state: UpdateState;
  changes: SharedChange[];
  error: string | null;
}

export interface UpdateResult {
  lists: SharedUpdate[];
  /** Files written with --write (including files and pinned copies). */
  written: string[];
}

type WrittenEntry = AllowlistFile['entries'][number];
type Endorsement = NonNullable<WrittenEntry['endorsement']>;
/** A file's entries with the line each starts on. */
export interface Listed {
  data: AllowlistFile;
  line(i: number): number;
}

const fold = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Every change from `before` to `after`, list-wide changes first, then entry by entry in the new order. */
export function sharedChanges(before: Listed, after: Listed): SharedChange[] {
  const changes: SharedChange[] = [];
  const list = (detail: string, change: ChangeKind = 'details') =>
    changes.push({ change, entry: null, line: null, detail });
  if (before.data.category !== after.data.category)
    list(`category ${before.data.category} → ${after.data.category}: check allow in policy.yaml`, 'category');
  if ((before.data.description ?? '') !== (after.data.description ?? ''))
    list(`description: ${before.data.description ?? '(none)'} → ${after.data.description ?? '(none)'}`);
  const old = new Map(before.data.entries.map((e, i) => [fold(e.name), { e, i }]));
  const seen = new Set<string>();
  after.data.entries.forEach((e, i) => {
    const key = fold(e.name);
    const was = seen.has(key) ? undefined : old.get(key);
    seen.add(key);
    const at = { entry: e.name, line: after.line(i) };
    if (!was) changes.push({ change: 'added', ...at, detail: entryWords(e) });
    else for (const c of entryChanges(was.e, e)) changes.push({ ...c, ...at });
  });
  before.data.entries.forEach((e, i) => {
    if (!seen.has(fold(e.name)))
      changes.push({ change: 'removed', entry: e.name, line: before.line(i), detail: entryWords(e) });
  });
  return changes;
}

/** Exclusions whose entry the new content no longer has: the including file should drop them. */
export function staleExclusions(
  exclusions: { name: string; line: number }[],
  after: AllowlistFile,
): SharedChange[] {
  const names = new Set(after.entries.map((e) => fold(e.name)));
  return exclusions
    .filter((x) => !names.has(fold(x.name)))
    .map((x) => ({
      change: 'exclusion' as const,
      entry: x.name,
      line: x.line,
      detail: 'the shared list no longer has this entry: remove its exclusion',
    }));
}

/** Pinned for the first time, or with no earlier copy to compare: what the list holds. */
export function firstPin(after: Listed, earlier: 'none' | 'missing'): SharedChange {
  const n = after.data.entries.length;
  const what = `${n} ${n === 1 ? 'entry' : 'entries'} in category ${after.data.category}`;
  return {
    change: 'added',
    entry: null,
    line: null,
    detail:
      earlier === 'none'
        ? `pinned for the first time: ${what}`
        : `the earlier pinned copy is missing, so no comparison: ${what}`,
  };
}

function entryChanges(a: WrittenEntry, b: WrittenEntry): Omit<SharedChange, 'entry' | 'line'>[] {
  const out: Omit<SharedChange, 'entry' | 'line'>[] = [];
  const accounts = accountChanges(a.accounts, b.accounts);
  if (accounts.length) out.push({ change: 'accounts', detail: accounts.join('; ') });
  const dates = endorsementChanges(a.endorsement, b.endorsement);
  if (dates.length) out.push({ change: 'endorsement', detail: dates.join('; ') });
  const retraction = retractionChange(a.endorsement?.retracted, b.endorsement?.retracted);
  if (retraction) out.push({ change: 'retracted', detail: retraction });
  const details = (
    [
      ['name', a.name, b.name],
      ['level', a.endorsement?.level, b.endorsement?.level],
      ['office', a.endorsement?.office, b.endorsement?.office],
      ['decided', a.decided, b.decided],
      ['decision', a.decision, b.decision],
      ['note', a.note, b.note],
    ] as const
  )
    .filter(([, x, y]) => (x ?? '') !== (y ?? ''))
    .map(([field, x, y]) => `${field}: ${x ?? '(none)'} → ${y ?? '(none)'}`);
  if (details.length) out.push({ change: 'details', detail: details.join('; ') });
  return out;
}

function accountChanges(a: WrittenEntry['accounts'], b: WrittenEntry['accounts']): string[] {
  const platforms = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return platforms.flatMap((p) => {
    const [x, y] = [refsWords(a[p]), refsWords(b[p])];
    if (x === y) return [];
    return [x === null ? `${p}: added ${y}` : y === null ? `${p}: removed ${x}` : `${p}: ${x} → ${y}`];
  });
}

function endorsementChanges(a: Endorsement | undefined, b: Endorsement | undefined): string[] {
  if (!a && !b) return [];
  if (!a) return [`now an endorsement until ${b!.expires}`];
  if (!b) return [`no longer an endorsement (it ran until ${a.expires})`];
  return (['endorsed', 'expires'] as const)
    .filter((k) => (a[k] ?? '') !== (b[k] ?? ''))
    .map((k) => `${k} ${a[k] ?? '(none)'} → ${b[k] ?? '(none)'}`);
}

type Retraction = Endorsement['retracted'];

function retractionChange(a: Retraction, b: Retraction): string | null {
  const [x, y] = [retractionOf(a), retractionOf(b)];
  if (x?.date === y?.date && x?.reason === y?.reason) return null;
  if (!y) return `retraction of ${x!.date} withdrawn`;
  const words = `retracted ${y.date}${y.reason ? `: ${y.reason}` : ''}`;
  return x ? `${words} (was ${x.date}${x.reason ? `: ${x.reason}` : ''})` : words;
}

function retractionOf(r: Retraction): { date: Day; reason: string | null } | null {
  if (r === undefined) return null;
  return typeof r === 'string' ? { date: r, reason: null } : { date: r.date, reason: r.reason ?? null };
}

/** An entry in one line: its accounts, and its endorsement's end. */
function entryWords(e: WrittenEntry): string {
  const accounts = Object.entries(e.accounts).map(([p, v]) => `${p}: ${refsWords(v)}`);
  const until = e.endorsement ? [`endorsed until ${e.endorsement.expires}`] : [];
  return [...accounts, ...until].join('; ');
}

function refsWords(value: RefInput | RefInput[] | undefined): string | null {
  if (value === undefined) return null;
  return (Array.isArray(value) ? value : [value]).map(refWords).join(', ');
}

function refWords(ref: RefInput): string {
  if (typeof ref === 'string') return ref;
  const parts = [ref.handle, ref.id && `id ${ref.id}`, ref.name && `"${ref.name}"`, ref.url];
  return parts.filter(Boolean).join(' ');
}
