import type { Config, Entry, Exception } from '../config/types.js';
import type { AccountRef, Day, Followed, FollowingList, Platform } from '../model.js';
import { profiles } from '../platforms/profiles.js';
import { addDays, daysBetween } from '../util/days.js';
import { describe } from './describe.js';
import { FINDING_KINDS, type Finding, type FindingKind } from './findings.js';
import { foldName, RefIndex, type RefMatch } from './ref-index.js';

export interface Evaluation {
  findings: Finding[];
  /** Per audited account: follows judged allowed (warnings included). */
  allowed: Map<string, number>;
}

export type EntryState = 'permanent' | 'current' | 'expiring' | 'lapsed' | 'retracted';

/** Judges every complete following list against the allowlists and exceptions, as of `today`. */
export function evaluate(config: Config, lists: FollowingList[], today: Day): Evaluation {
  const judge = new Judge(config, today);
  const findings: Finding[] = [];
  const allowed = new Map<string, number>();
  const accounts = new Map(config.accounts.map((a) => [a.name, a]));
  for (const list of lists) {
    if (!list.complete) continue;
    const account = accounts.get(list.account)!;
    const allow = new Set(account.allow);
    let count = 0;
    for (const followed of list.following) {
      let fine = true;
      for (const finding of judge.follow(list, allow, followed)) {
        if (finding.class !== 'warning') fine = false;
        findings.push(finding);
      }
      if (fine) count++;
    }
    allowed.set(list.account, count);
  }
  findings.push(...judge.unusedExceptions(lists));
  return { findings: sortFindings(findings), allowed };
}

/** Judges single follows; `evaluate` runs it over whole lists, `check` over one account. */
export class Judge {
  private readonly entries = new RefIndex<Entry>();
  private readonly exceptions = new RefIndex<Exception>();
  private readonly byName = new Map<string, Entry[]>();
  private readonly states = new Map<Entry, Judged>();

  constructor(
    private readonly config: Pick<Config, 'entries' | 'exceptions' | 'warnDays'>,
    private readonly today: Day,
  ) {
    for (const entry of config.entries) {
      for (const ref of entry.refs) this.entries.add(ref, entry);
      for (const name of new Set([entry.name, ...entry.refs.map((r) => r.name)])) {
        if (name)
          (this.byName.get(foldName(name)) ?? this.byName.set(foldName(name), []).get(foldName(name))!).push(
            entry,
          );
      }
    }
    for (const exception of config.exceptions) this.exceptions.add(exception.target, exception);
  }

  /** The allowlist entries naming an account, in any category. */
  entriesFor(platform: FollowingList['platform'], account: AccountRef): Entry[] {
    return unique(this.entries.find(platform, account)).map((m) => m.item);
  }

  /** Whether a followed account is the one a reference names (same rules as matching). */
  sameAccount(platform: FollowingList['platform'], followed: AccountRef, ref: AccountRef): boolean {
    if (followed.id && ref.id) return followed.id === ref.id;
    const norm = profiles[platform].normalizeHandle;
    if (followed.handle && ref.handle) return norm(followed.handle) === norm(ref.handle);
    // A list that gives display names only (Facebook's export): the name is all there is.
    const onlyName = !followed.id && !followed.handle;
    return onlyName && !!followed.name && !!ref.name && foldName(followed.name) === foldName(ref.name);
  }

  /** The entries with this name, or with an account of that display name, in any category. */
  entriesNamed(name: string): Entry[] {
    return this.byName.get(foldName(name)) ?? [];
  }

  exceptionsFor(platform: FollowingList['platform'], account: AccountRef): Exception[] {
    return this.exceptions.find(platform, account).map((m) => m.item);
  }

  follow(
    list: Pick<FollowingList, 'account' | 'platform'>,
    allow: Set<string>,
    followed: Followed,
  ): Finding[] {
    // Built once per follow that has a finding; most follows have none.
    let target: AccountRef | undefined;
    const make = (...args: FindingArgs) => {
      target ??= { id: followed.id, handle: followed.handle, name: followed.name, url: followed.url };
      return this.finding(list, target, ...args);
    };
    // Normalized once for every lookup of this follow.
    const handle = followed.handle ? profiles[list.platform].normalizeHandle(followed.handle) : null;
    const matches = unique(this.entries.find(list.platform, followed, handle));
    const exceptions = this.applicableExceptions(list, followed, handle);
    const findings = this.handleChanges(matches, handle, make);

    const judged: Judged[] = [];
    const good: Judged[] = [];
    for (const m of matches) {
      if (!allow.has(m.item.category)) continue;
      const j = this.state(m.item);
      judged.push(j);
      if (j.state === 'permanent' || j.state === 'current' || j.state === 'expiring') good.push(j);
    }
    const live = latest(exceptions, this.today);
    if (good.length > 0) {
      if (good.every((j) => j.state === 'expiring')) {
        const j = good.reduce((a, b) => (a.end >= b.end ? a : b));
        findings.push(
          make('endorsement-expiring', j.entry, null, addDays(j.end, -this.config.warnDays), j.end),
        );
      }
      return findings;
    }
    if (live) {
      if (daysBetween(this.today, live.expires) <= this.config.warnDays) {
        findings.push(
          make('exception-expiring', null, live, addDays(live.expires, -this.config.warnDays), live.expires),
        );
      }
      return findings;
    }
    const retracted = judged
      .filter((j) => j.state === 'retracted')
      .sort((a, b) => b.since.localeCompare(a.since))[0];
    const lapsed = judged
      .filter((j) => j.state === 'lapsed')
      .sort((a, b) => b.since.localeCompare(a.since))[0];
    const expired = latest(exceptions);
    if (retracted)
      findings.push(make('endorsement-retracted', retracted.entry, null, retracted.since, retracted.end));
    else if (lapsed) findings.push(make('endorsement-lapsed', lapsed.entry, null, lapsed.since, lapsed.end));
    else if (expired)
      findings.push(make('exception-expired', null, expired, addDays(expired.expires, 1), expired.expires));
    else if (matches[0]) findings.push(make('category-not-allowed', matches[0].item, null, null, null));
    else {
      const byName =
        !followed.id && !followed.handle && followed.name
          ? this.byName.get(foldName(followed.name))
          : undefined;
      const named = byName?.find((e) => allow.has(e.category)) ?? byName?.[0];
      findings.push(
        named
          ? make('name-only-match', named, null, null, null)
          : make('not-allowed', null, null, null, null),
      );
    }
    return findings;
  }

  /** The exceptions naming a followed account that apply to this audited account. */
  private applicableExceptions(
    list: Pick<FollowingList, 'account'> & { platform: Platform },
    followed: Followed,
    handle?: string | null,
  ) {
    const found = this.exceptions.find(list.platform, followed, handle);
    if (found.length === 0) return NONE;
    return found.map((m) => m.item).filter((e) => e.account === list.account || e.account === '*');
  }

  /** Exceptions whose account (every account, for "*") no longer follows the target. */
  unusedExceptions(lists: FollowingList[]): Finding[] {
    const complete = lists.filter((l) => l.complete);
    const applies = (e: Exception, l: FollowingList) => e.account === '*' || e.account === l.account;
    // One pass over the follows, however many exceptions there are.
    const used = new Set<Exception>();
    for (const l of this.config.exceptions.length > 0 ? complete : []) {
      for (const f of l.following) {
        for (const m of this.exceptions.find(l.platform, f)) if (applies(m.item, l)) used.add(m.item);
      }
    }
    const findings: Finding[] = [];
    for (const exception of this.config.exceptions) {
      const audited = complete.filter(
        (l) => l.platform === exception.target.platform && applies(exception, l),
      );
      if (audited.length === 0 || used.has(exception)) continue;
      const list = audited[0]!;
      findings.push(
        this.finding(
          { ...list, account: exception.account },
          exception.target,
          'exception-unused',
          null,
          exception,
          null,
          exception.expires,
        ),
      );
    }
    return findings;
  }

  /** Whether an entry allows following today (an endorsement that has not lapsed, or none). */
  holds(entry: Entry): boolean {
    const { state } = this.state(entry);
    return state !== 'lapsed' && state !== 'retracted';
  }

  /** Where an entry's endorsement stands today; `end` is the last day it covers. */
  state(entry: Entry): Judged {
    let state = this.states.get(entry);
    if (!state) {
      state = { entry, ...this.computeState(entry) };
      this.states.set(entry, state);
    }
    return state;
  }

  private computeState(entry: Entry): { state: EntryState; since: Day; end: Day } {
    const e = entry.endorsement;
    if (!e) return { state: 'permanent', since: '', end: '' };
    if (e.retracted && e.retracted.date <= this.today)
      return { state: 'retracted', since: e.retracted.date, end: e.expires };
    if (e.expires < this.today) return { state: 'lapsed', since: addDays(e.expires, 1), end: e.expires };
    // A retraction decided for a future day ends the endorsement the day before.
    const end =
      e.retracted && addDays(e.retracted.date, -1) < e.expires ? addDays(e.retracted.date, -1) : e.expires;
    const expiring = daysBetween(this.today, end) <= this.config.warnDays;
    return { state: expiring ? 'expiring' : 'current', since: '', end };
  }

  private handleChanges(
    matches: readonly RefMatch<Entry>[],
    current: string | null,
    make: (...args: FindingArgs) => Finding,
  ): Finding[] {
    if (!current || matches.length === 0) return [];
    const changed = matches.find((m) => m.via === 'id' && m.ref.handle && m.ref.handle !== current);
    return changed ? [make('handle-changed', changed.item, null, null, null)] : [];
  }

  private finding(
    list: Pick<FollowingList, 'account' | 'platform'>,
    target: AccountRef,
    ...[kind, entry, exception, since, expires]: FindingArgs
  ): Finding {
    // Keys in the order of SPEC §9, so the JSON report reads as documented.
    const draft = {
      kind,
      class: FINDING_KINDS[kind].class,
      account: list.account,
      platform: list.platform,
      target,
      entry: entry && { name: entry.name, category: entry.category, file: entry.file, line: entry.line },
      exception: exception && {
        follows: exception.follows,
        expires: exception.expires,
        file: exception.position.file,
        line: exception.position.line,
      },
      since,
      expires,
    };
    return { ...draft, message: describe(draft, this.today) } as Finding;
  }
}

type FindingArgs = [
  kind: FindingKind,
  entry: Entry | null,
  exception: Exception | null,
  since: Day | null,
  expires: Day | null,
];

export interface Judged {
  entry: Entry;
  state: EntryState;
  since: Day;
  end: Day;
}

const NONE: never[] = [];

function unique(matches: readonly RefMatch<Entry>[]): readonly RefMatch<Entry>[] {
  if (matches.length < 2) return matches;
  const seen = new Set<Entry>();
  return matches.filter((m) => !seen.has(m.item) && seen.add(m.item));
}

/** The exception that runs longest, among those running through `from` (all, without it). */
function latest(exceptions: Exception[], from?: Day): Exception | undefined {
  let best: Exception | undefined;
  for (const e of exceptions)
    if ((from === undefined || e.expires >= from) && (!best || e.expires > best.expires)) best = e;
  return best;
}

const CLASS_ORDER = { violation: 0, lapsed: 1, warning: 2 } as const;

/** Class (violation first), account, then handle; the rest only makes the order total. */
export function sortFindings(findings: Finding[]): Finding[] {
  // Each finding's lower-cased name is computed once, not in every comparison.
  const keyed = findings.map((f) => ({
    f,
    name: (f.target.handle ?? f.target.name ?? f.target.id ?? '').toLowerCase(),
  }));
  keyed.sort(
    ({ f: a, name: an }, { f: b, name: bn }) =>
      CLASS_ORDER[a.class] - CLASS_ORDER[b.class] ||
      compare(a.account, b.account) ||
      compare(an, bn) ||
      compare(a.kind, b.kind) ||
      compare(a.target.id ?? '', b.target.id ?? ''),
  );
  keyed.forEach(({ f }, i) => {
    findings[i] = f;
  });
  return findings;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
