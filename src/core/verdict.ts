import type { Entry, Exception } from '../config/types.js';
import type { Day } from '../model.js';
import { addDays, daysBetween } from '../util/days.js';
import type { EntryInfo, ExceptionInfo, FindingFacts } from './findings.js';

export type EntryState = 'permanent' | 'current' | 'expiring' | 'lapsed' | 'retracted';

/** Where an entry's endorsement stands on a day; `end` is the last day it covers. */
export interface Judged {
  entry: Entry;
  state: EntryState;
  since: Day;
  end: Day;
}

/** An allowlist entry naming a followed account, and whether the following account may follow its category. */
export interface EntryMatch extends Judged {
  allowed: boolean;
}

/**
 * What the entries and exceptions naming one follow decide about it on `today`: null when it is
 * allowed with nothing to say, else the facts of its finding.
 *
 * The precedence follows who decided what. An entry in an allowed category that holds is the
 * committee's standing decision, so it allows whatever the exceptions say, and warns only when
 * every such entry ends soon (one that runs on keeps the follow allowed). A running exception
 * allows what no entry does. Only then is the follow to end, for the most telling reason: a
 * retraction (a decision) before a lapse (a date), a lapse before an expired exception (the
 * endorsement was the reason to follow), a listing in another category before no listing.
 */
export function verdictFor(
  matches: readonly EntryMatch[],
  exceptions: readonly Exception[],
  today: Day,
  warnDays: number,
): FindingFacts | null {
  const judged = matches.filter((m) => m.allowed);
  const good = judged.filter(
    (j) => j.state === 'permanent' || j.state === 'current' || j.state === 'expiring',
  );
  if (good.length > 0) {
    if (!good.every((j) => j.state === 'expiring')) return null;
    const j = good.reduce((a, b) => (a.end >= b.end ? a : b));
    return onEntry('endorsement-expiring', j.entry, addDays(j.end, -warnDays), j.end);
  }
  const live = latest(exceptions, today);
  if (live) {
    if (daysBetween(today, live.expires) > warnDays) return null;
    return onException('exception-expiring', live, addDays(live.expires, -warnDays), live.expires);
  }
  const newest = (state: EntryState) =>
    judged.filter((j) => j.state === state).sort((a, b) => b.since.localeCompare(a.since))[0];
  const retracted = newest('retracted');
  if (retracted) return onEntry('endorsement-retracted', retracted.entry, retracted.since, retracted.end);
  const lapsed = newest('lapsed');
  if (lapsed) return onEntry('endorsement-lapsed', lapsed.entry, lapsed.since, lapsed.end);
  const expired = latest(exceptions);
  if (expired) return onException('exception-expired', expired, addDays(expired.expires, 1), expired.expires);
  const listed = matches[0];
  if (listed)
    return {
      kind: 'category-not-allowed',
      entry: entryInfo(listed.entry),
      exception: null,
      since: null,
      expires: null,
    };
  return { kind: 'not-allowed', entry: null, exception: null, since: null, expires: null };
}

const onEntry = (
  kind: 'endorsement-lapsed' | 'endorsement-retracted' | 'endorsement-expiring',
  entry: Entry,
  since: Day,
  expires: Day,
): FindingFacts => ({ kind, entry: entryInfo(entry), exception: null, since, expires });

const onException = (
  kind: 'exception-expired' | 'exception-expiring',
  exception: Exception,
  since: Day,
  expires: Day,
): FindingFacts => ({ kind, entry: null, exception: exceptionInfo(exception), since, expires });

export const entryInfo = (e: Entry): EntryInfo => ({
  name: e.name,
  category: e.category,
  file: e.file,
  line: e.line,
  ...(e.sharedList ? { sharedList: e.sharedList } : {}),
});

export const exceptionInfo = (e: Exception): ExceptionInfo => ({
  follows: e.follows,
  expires: e.expires,
  file: e.position.file,
  line: e.position.line,
});

/** The exception that runs longest, among those running through `from` (all, without it). */
function latest(exceptions: readonly Exception[], from?: Day): Exception | undefined {
  let best: Exception | undefined;
  for (const e of exceptions)
    if ((from === undefined || e.expires >= from) && (!best || e.expires > best.expires)) best = e;
  return best;
}

/** Where an entry's endorsement stands on `today`; an entry without one is permanent. */
export function entryState(entry: Entry, today: Day, warnDays: number): Judged {
  const e = entry.endorsement;
  if (!e) return { entry, state: 'permanent', since: '', end: '' };
  if (e.retracted && e.retracted.date <= today)
    return { entry, state: 'retracted', since: e.retracted.date, end: e.expires };
  if (e.expires < today) return { entry, state: 'lapsed', since: addDays(e.expires, 1), end: e.expires };
  // A retraction decided for a future day ends the endorsement the day before.
  const end =
    e.retracted && addDays(e.retracted.date, -1) < e.expires ? addDays(e.retracted.date, -1) : e.expires;
  const expiring = daysBetween(today, end) <= warnDays;
  return { entry, state: expiring ? 'expiring' : 'current', since: '', end };
}
