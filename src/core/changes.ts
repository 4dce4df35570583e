import type { AccountRef, Day, FollowingList, Platform } from '../model.js';
import { classRank, type Finding, type FindingKind } from './findings.js';
import { AccountIndex, accountKey, MultiMap } from './identity.js';

/** A followed account as a saved report keeps it: only what identifies it (name when nothing else). */
export interface FollowKey {
  id?: string;
  handle?: string;
  name?: string;
}

export interface NewFollow extends AccountRef {
  /** The finding this follow raises now, if any. */
  finding: FindingKind | null;
}

export interface AccountChanges {
  account: string;
  platform: Platform | null;
  /** Why this account could not be compared (findings and follows), or null. */
  notCompared: string | null;
  followed: NewFollow[];
  unfollowed: AccountRef[];
  newlyLapsed: Finding[];
  resolved: EarlierFinding[];
}

/** A finding as an earlier report keeps it: what the comparison and the reports read of it. */
export type EarlierFinding = Pick<Finding, 'kind' | 'class' | 'account' | 'platform' | 'target' | 'message'>;

export interface Changes {
  /** The earlier report compared with. */
  since: { file: string; asOf: Day; savedAt: string | null };
  accounts: AccountChanges[];
}

/** What the comparison needs from an earlier report (a saved one has `follows`). */
export interface Baseline {
  file: string;
  asOf: Day;
  savedAt: string | null;
  accounts: { name: string; platform: string; complete: boolean }[];
  findings: EarlierFinding[];
  follows: Record<string, FollowKey[]> | null;
}

/** Each complete list's follows as compact keys. */
export function followKeysOf(lists: FollowingList[]): Record<string, FollowKey[]> {
  const keys: Record<string, FollowKey[]> = {};
  for (const list of lists.filter((l) => l.complete)) {
    keys[list.account] = list.following.map((f) => {
      const key: FollowKey = {};
      if (f.id) key.id = f.id;
      if (f.handle) key.handle = f.handle;
      if (!f.id && !f.handle && f.name) key.name = f.name;
      return key;
    });
  }
  return keys;
}

export const refOf = (k: FollowKey): AccountRef => ({
  id: k.id ?? null,
  handle: k.handle ?? null,
  name: k.name ?? null,
  url: null,
});

interface Current {
  accounts: { name: string; platform: Platform; complete: boolean }[];
  findings: Finding[];
  follows: Record<string, FollowKey[]>;
}

/** What changed between an earlier report and this one, per audited account. */
export function compareReports(before: Baseline, now: Current): Changes {
  const earlier = new Map(before.accounts.map((a) => [a.name, a]));
  const reasons = new Map<string, string | null>();
  for (const a of now.accounts) {
    const then = earlier.get(a.name);
    reasons.set(
      a.name,
      !then
        ? 'not in the earlier report'
        : !a.complete
          ? 'its list is incomplete now'
          : !then.complete
            ? 'its list was incomplete in the earlier report'
            : null,
    );
  }
  const comparable = (account: string) => account === '*' || reasons.get(account) === null;
  const key = (f: EarlierFinding) => `${f.account}\u0000${accountKey(f.platform, f.target)}`;
  const nowByTarget = group(now.findings, key);
  const thenByTarget = group(before.findings, key);

  const newlyLapsed = now.findings.filter(
    (f) =>
      f.class === 'lapsed' &&
      comparable(f.account) &&
      !(thenByTarget.get(key(f)) ?? []).some((g) => g.class === 'lapsed'),
  );
  const resolved = before.findings.filter(
    (f) =>
      comparable(f.account) &&
      !(nowByTarget.get(key(f)) ?? []).some(
        // A follow the audit can no longer tell about is not settled either.
        (g) => g.kind === f.kind || g.class === 'unknown' || classRank(g.class) > classRank(f.class),
      ),
  );

  const accounts: AccountChanges[] = now.accounts.map((a) => {
    const reason = reasons.get(a.name) ?? null;
    const [was, is] = [before.follows?.[a.name], now.follows[a.name]];
    const diffed = reason === null && was && is ? diffFollows(a.platform, was, is) : null;
    const follows = diffed && { added: diffed.added.map(refOf), removed: diffed.removed.map(refOf) };
    const findingOf = (ref: AccountRef) =>
      now.findings.find(
        (f) => f.account === a.name && accountKey(a.platform, f.target) === accountKey(a.platform, ref),
      )?.kind ?? null;
    return {
      account: a.name,
      platform: a.platform,
      notCompared: reason ?? (follows ? null : 'the earlier report keeps no follow lists'),
      followed: (follows?.added ?? []).map((ref) => ({ ...ref, finding: findingOf(ref) })),
      unfollowed: follows?.removed ?? [],
      newlyLapsed: newlyLapsed.filter((f) => f.account === a.name),
      resolved: resolved.filter((f) => f.account === a.name),
    };
  });
  const everyAccount = resolved.filter((f) => f.account === '*');
  if (everyAccount.length) {
    accounts.push({
      account: '*',
      platform: null,
      notCompared: null,
      followed: [],
      unfollowed: [],
      newlyLapsed: [],
      resolved: everyAccount,
    });
  }
  return { since: { file: before.file, asOf: before.asOf, savedAt: before.savedAt }, accounts };
}

type Keyed = { id?: string | null; handle?: string | null; name?: string | null };

/** Follows added and removed, by the rule of `sameAccount`. */
export function diffFollows<T extends Keyed>(
  platform: Platform,
  before: readonly T[],
  now: readonly T[],
): { added: T[]; removed: T[] } {
  const index = new AccountIndex<number>(platform, true);
  before.forEach((k, i) => {
    index.add(k, i);
  });
  const kept = new Set<number>();
  const added: T[] = [];
  for (const k of now) {
    const found = index.find(k);
    if (found.length === 0) added.push(k);
    for (const m of found) kept.add(m.item);
  }
  return { added, removed: before.filter((_, i) => !kept.has(i)) };
}

function group<T>(items: T[], key: (item: T) => string): MultiMap<string, T> {
  const map = new MultiMap<string, T>();
  for (const item of items) map.add(key(item), item);
  return map;
}
