import type { Config, Entry, Exception } from '../config/types.js';
import type { AccountRef, Day, Followed, FollowingList, Platform } from '../model.js';
import { CLASS_ORDER, FINDING_KINDS, type Finding, type FindingFacts } from './findings.js';
import { type AccountMatch, foldName, MultiMap, normalizeHandle, PlatformIndex } from './identity.js';
import { LookAlikes } from './lookalike.js';
import { findingMessage } from './message.js';
import { entryInfo, entryState, exceptionInfo, type Judged, verdictFor } from './verdict.js';

export interface Evaluation {
  findings: Finding[];
  /** Per audited account: follows judged allowed (warnings included). */
  allowed: Map<string, number>;
}

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
  // A display name alone never allows a follow: it is reported for a person to confirm.
  private readonly entries = new PlatformIndex<Entry>(false);
  private readonly exceptions = new PlatformIndex<Exception>(false);
  private readonly byName = new MultiMap<string, Entry>();
  /** Display names a person has confirmed to be an entry's account (`confirmed:` on the reference). */
  private readonly confirmed = new PlatformIndex<Entry>(true);
  private readonly states = new Map<Entry, Judged>();
  /** Platforms where some entry or exception names its account without an id. */
  private readonly idless = new Set<Platform>();
  /** Exceptions `follow` has applied to some follow. */
  private readonly used = new Set<Exception>();
  private readonly lookAlikes: LookAlikes;

  constructor(
    private readonly config: Pick<Config, 'entries' | 'exceptions' | 'warnDays'>,
    private readonly today: Day,
  ) {
    this.lookAlikes = new LookAlikes(config.entries);
    for (const entry of config.entries) {
      for (const ref of entry.refs) {
        this.entries.add(ref.platform, ref, entry);
        if (!ref.id) this.idless.add(ref.platform);
        if (ref.confirmed) this.confirmed.add(ref.platform, { name: ref.name ?? entry.name }, entry);
      }
      for (const name of new Set([entry.name, ...entry.refs.map((r) => r.name)]))
        if (name) this.byName.add(foldName(name), entry);
    }
    for (const exception of config.exceptions) {
      this.exceptions.add(exception.target.platform, exception.target, exception);
      if (!exception.target.id) this.idless.add(exception.target.platform);
    }
  }

  /** The allowlist entries naming an account, in any category. */
  entriesFor(platform: Platform, account: AccountRef): Entry[] {
    return unique(this.entries.find(platform, account)).map((m) => m.item);
  }

  /** The entries with this name, or with an account of that display name, in any category. */
  entriesNamed(name: string): readonly Entry[] {
    return this.byName.get(foldName(name)) ?? [];
  }

  exceptionsFor(platform: Platform, account: AccountRef): Exception[] {
    return this.exceptions.find(platform, account).map((m) => m.item);
  }

  follow(
    list: Pick<FollowingList, 'account' | 'platform'>,
    allow: Set<string>,
    followed: Followed,
  ): Finding[] {
    // Normalized once for every lookup of this follow.
    const handle = followed.handle ? normalizeHandle(list.platform, followed.handle) : null;
    const found = this.entries.find(list.platform, followed, handle);
    // A follow known only by its display name matches an entry once a person confirmed that name.
    const matches = unique(
      found.length === 0 && !followed.id && !handle ? this.confirmed.find(list.platform, followed) : found,
    );
    const exceptions = this.applicableExceptions(list, followed, handle);
    // Most follows of a large list match nothing: they skip the weighing of entries and exceptions.
    if (matches.length === 0 && exceptions.length === 0)
      return [this.finding(list, targetOf(followed), this.unmatched(list.platform, followed, allow))];
    const facts: FindingFacts[] = [];
    const changed = handle && matches.find((m) => m.via === 'id' && m.ref.handle && m.ref.handle !== handle);
    if (changed) facts.push(onEntry('handle-changed', changed.item));
    const verdict = this.holdsWithoutEnd(matches, allow)
      ? null
      : verdictFor(
          matches.map((m) => ({ ...this.state(m.item), allowed: allow.has(m.item.category) })),
          exceptions,
          this.today,
          this.config.warnDays,
        );
    if (verdict)
      facts.push(verdict.kind === 'not-allowed' ? this.unmatched(list.platform, followed, allow) : verdict);
    if (facts.length === 0) return NONE;
    const target = targetOf(followed);
    return facts.map((f) => this.finding(list, target, f));
  }

  /**
   * A follow that matched nothing: on no allowlist, unless only its id is known while an entry
   * or exception without an id may be it, or its display name alone resembles an entry's.
   */
  private unmatched(platform: Platform, followed: Followed, allow: Set<string>): FindingFacts {
    if (unnamed(followed) && this.idless.has(platform))
      return { kind: 'unidentified', entry: null, exception: null, since: null, expires: null };
    const named =
      !followed.id && !followed.handle && followed.name
        ? this.byName.get(foldName(followed.name))
        : undefined;
    const entry = named?.find((e) => allow.has(e.category)) ?? named?.[0];
    if (entry) return onEntry('name-only-match', entry);
    const facts: FindingFacts = {
      kind: 'not-allowed',
      entry: null,
      exception: null,
      since: null,
      expires: null,
    };
    const looksLike = followed.handle ? this.lookAlikes.of(platform, followed.handle) : undefined;
    return looksLike ? { ...facts, looksLike } : facts;
  }

  /** The exceptions naming a followed account that apply to this audited account. */
  private applicableExceptions(
    list: Pick<FollowingList, 'account' | 'platform'>,
    followed: Followed,
    handle: string | null,
  ): readonly Exception[] {
    const found = this.exceptions.find(list.platform, followed, handle);
    if (found.length === 0) return NONE;
    const applicable = found
      .map((m) => m.item)
      .filter((e) => e.account === list.account || e.account === '*');
    for (const e of applicable) this.used.add(e);
    return applicable;
  }

  /**
   * Exceptions whose account (every account, for "*") no longer follows the target: those that
   * `follow` never applied while it judged every follow of these lists.
   */
  unusedExceptions(lists: FollowingList[]): Finding[] {
    const complete = lists.filter((l) => l.complete);
    const applies = (e: Exception, l: FollowingList) => e.account === '*' || e.account === l.account;
    const used = this.used;
    const findings: Finding[] = [];
    for (const exception of this.config.exceptions) {
      const audited = complete.filter(
        (l) => l.platform === exception.target.platform && applies(exception, l),
      );
      if (audited.length === 0 || used.has(exception)) continue;
      // A target written without an id may be any follow the list names by id alone.
      if (!exception.target.id && audited.some((l) => l.following.some(unnamed))) continue;
      const facts: FindingFacts = {
        kind: 'exception-unused',
        entry: null,
        exception: exceptionInfo(exception),
        since: null,
        expires: exception.expires,
      };
      findings.push(
        this.finding({ account: exception.account, platform: audited[0]!.platform }, exception.target, facts),
      );
    }
    return findings;
  }

  /**
   * The usual case, decided without weighing: an allowed entry that holds and does not end soon
   * allows the follow whatever else matches (the first rule of `verdictFor`).
   */
  private holdsWithoutEnd(matches: readonly AccountMatch<Entry>[], allow: Set<string>): boolean {
    for (const m of matches) {
      if (!allow.has(m.item.category)) continue;
      const { state } = this.state(m.item);
      if (state === 'permanent' || state === 'current') return true;
    }
    return false;
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
      state = entryState(entry, this.today, this.config.warnDays);
      this.states.set(entry, state);
    }
    return state;
  }

  private finding(
    list: Pick<FollowingList, 'account' | 'platform'>,
    target: AccountRef,
    facts: FindingFacts,
  ): Finding {
    // Keys in the order the JSON report documents: `assign` leaves `kind` first where it is.
    const draft = Object.assign(
      {
        kind: facts.kind,
        class: FINDING_KINDS[facts.kind].class,
        account: list.account,
        platform: list.platform,
        target,
      },
      facts,
    );
    return Object.assign(draft, { message: findingMessage(draft, this.today) });
  }
}

const onEntry = (kind: 'handle-changed' | 'name-only-match', entry: Entry): FindingFacts => ({
  kind,
  entry: entryInfo(entry),
  exception: null,
  since: null,
  expires: null,
});

const NONE: never[] = [];

const targetOf = (f: Followed): AccountRef => ({ id: f.id, handle: f.handle, name: f.name, url: f.url });

/** A follow the source names by id alone, with no handle learned for it. */
const unnamed = (f: Followed) => Boolean(f.id && !f.handle);

function unique(matches: readonly AccountMatch<Entry>[]): readonly AccountMatch<Entry>[] {
  if (matches.length < 2) return matches;
  const seen = new Set<Entry>();
  return matches.filter((m) => !seen.has(m.item) && seen.add(m.item));
}

/** Class (violation first), account, then handle; the rest only makes the order total. */
export function sortFindings(findings: Finding[]): Finding[] {
  // One key per finding, its fields joined by NUL (lower than any character they hold): comparing
  // the keys orders the findings field by field, with one comparison instead of five.
  const keyed = findings.map((f) => ({
    f,
    key: [
      CLASS_ORDER.indexOf(f.class),
      f.account,
      (f.target.handle ?? f.target.name ?? f.target.id ?? '').toLowerCase(),
      f.kind,
      f.target.id ?? '',
    ].join('\0'),
  }));
  keyed.sort((a, b) => compare(a.key, b.key));
  keyed.forEach(({ f }, i) => {
    findings[i] = f;
  });
  return findings;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
