// `follow-audit plan`: this month's audit as a to-do list that several people can share. It reads
// only the folder (policy, allowlists, saved lists and the last saved report), never the network.

import { loadConfig } from '../config/load.js';
import type { AuditedAccount, Config } from '../config/types.js';
import { Judge } from '../core/evaluate.js';
import { UsageError } from '../errors.js';
import type { Day, FollowingList } from '../model.js';
import { ROUTINES, type Routine } from '../platforms/routine.js';
import type { Plan, PlanAccount, PlanEnding } from '../report/plan.js';
import { HOW_TO_RECORD } from '../report/record.js';
import { actions, decisions, locate, profileLink } from '../report/sections.js';
import { DEFAULT_MAX_AGE_DAYS } from '../sources/obtain.js';
import { liveOptions, obtainAll } from '../sources/obtain-all.js';
import { latestSavedReport } from '../store/reports.js';
import { daysBetween, isDay, todayOf } from '../util/days.js';

export const RUNBOOK_FILE = 'RUNBOOK.md';

export interface PlanOptions {
  config?: string;
  asOf?: string;
  until?: string;
  env?: Readonly<Record<string, string | undefined>>;
  now?: () => Date;
}

export async function plan(options: PlanOptions = {}): Promise<Plan> {
  const config = await loadConfig(options.config ?? '.');
  const context = await liveOptions(config, { offline: true, env: options.env, now: options.now });
  const today = todayOf(config.timezone, options.asOf, context.now());
  const until = options.until ?? addMonth(today);
  if (!isDay(until))
    throw new UsageError(`--until ${JSON.stringify(until)} is not a date: write it as YYYY-MM-DD`);
  if (until <= today)
    throw new UsageError(`--until ${until} is not after ${today}: give the day of the next audit`);
  const lists = await obtainAll(config, config.accounts, { ...context, today, checkAge: false });
  const last = await latestSavedReport(config.dir, today);
  const report = last?.report;
  const ending = endings(config, today, until);
  // An ending already listed in section 2 is not asked a second time among the decisions.
  const listed = new Set(ending.map((e) => `${e.file}:${e.line}`));
  return {
    schemaVersion: 1,
    title: `Follow audit ${today.slice(0, 7)}`,
    month: today.slice(0, 7),
    organization: config.organization,
    asOf: today,
    until,
    runbook: RUNBOOK_FILE,
    accounts: config.accounts.map((a, i) => planAccount(a, lists[i]!, until, context.env)),
    ending,
    lastReport: last ? { file: last.file, asOf: last.report.asOf } : null,
    unfollow: report
      ? actions(report).map((f) => ({
          account: f.account,
          platform: f.platform,
          target: f.target,
          link: profileLink(f.platform, f.target),
          kind: f.kind,
          message: f.message,
          ...locate(report, f),
          how: ROUTINES[f.platform].unfollow,
        }))
      : [],
    decisions: report
      ? decisions(report).flatMap((g) =>
          g.items
            .filter(
              (d) => !(d.finding.kind.endsWith('-expiring') && listed.has(`${d.place.file}:${d.place.line}`)),
            )
            .map((d) => ({
              group: g.title,
              kind: d.finding.kind,
              message: d.finding.message,
              ...d.place,
              accounts: d.accounts,
              record: HOW_TO_RECORD[d.finding.kind],
            })),
        )
      : [],
  };
}

function planAccount(
  account: AuditedAccount,
  list: FollowingList,
  until: Day,
  env: Readonly<Record<string, string | undefined>>,
): PlanAccount {
  const routine: Routine = ROUTINES[account.platform];
  const live = account.source === 'api';
  const listDate = list.listDate ?? (list.fetchedAt ? list.fetchedAt.slice(0, 10) : null);
  const maxAge = maxAgeDays(account);
  let needsNew: string | null = null;
  if (!live) {
    if (!list.complete)
      needsNew =
        account.source === 'import' && !list.file
          ? 'no list imported yet'
          : (list.error ?? 'the list kept is incomplete');
    else if (!listDate) needsNew = 'the list kept records no date';
    else if (maxAge > 0 && daysBetween(listDate, until) > maxAge)
      needsNew = `the list of ${listDate} will be more than ${maxAge} days old on ${until}`;
  }
  return {
    name: account.name,
    platform: account.platform,
    handle: account.shownHandle ?? account.handle,
    source: account.source,
    listDate,
    complete: list.complete,
    error: list.error,
    needsNew,
    download: live ? null : routine.download,
    api:
      live && routine.api
        ? {
            name: routine.api.name,
            // Whether a variable is set, never its value.
            tokens: routine.api.tokens.map((t) => ({
              name: t.name,
              optional: !!t.optional,
              set: !!env[t.name]?.trim(),
            })),
          }
        : null,
  };
}

function maxAgeDays(account: AuditedAccount): number {
  return account.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
}

/** Endorsements and exceptions whose last day falls before the next audit. */
function endings(config: Config, today: Day, until: Day): PlanEnding[] {
  const judge = new Judge({ ...config, warnDays: 0 }, today);
  const out: PlanEnding[] = [];
  for (const entry of config.entries) {
    if (!entry.endorsement || !judge.holds(entry)) continue;
    const { end } = judge.state(entry);
    if (end >= until) continue;
    out.push({
      kind: 'endorsement',
      name: entry.name,
      ends: end,
      file: entry.file,
      line: entry.line,
      decidedBy: entry.decision,
      account: null,
      record: HOW_TO_RECORD['endorsement-expiring'],
    });
  }
  for (const e of config.exceptions) {
    if (e.expires < today || e.expires >= until) continue;
    out.push({
      kind: 'exception',
      name: e.follows,
      ends: e.expires,
      file: e.position.file,
      line: e.position.line,
      decidedBy: e.approvedBy,
      account: e.account,
      record: HOW_TO_RECORD['exception-expiring'],
    });
  }
  return out.sort((a, b) => a.ends.localeCompare(b.ends) || a.file.localeCompare(b.file) || a.line - b.line);
}

/** The same day a month later (the last day of a shorter month). */
export function addMonth(day: Day): Day {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10);
}
