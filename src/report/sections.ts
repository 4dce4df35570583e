// What the committee acts on, in the order it reads it. The Markdown and table reporters render
// these same sections, so the two never disagree about what needs doing.
import { POLICY_FILE } from '../config/layout.js';
import type { AccountChanges } from '../core/changes.js';
import { FINDING_KINDS, type Finding, SECTIONS } from '../core/findings.js';
import type { AccountResult, Report } from '../core/report.js';
import type { AccountRef, Platform } from '../model.js';
import { profiles } from '../platforms/profiles.js';
import { daysBetween } from '../util/days.js';
import { httpUrl, plural } from '../util/text.js';

export interface Place {
  file: string;
  line: number;
  /** For an entry of a shared list (`file` is then its source): the allowlist file that includes it. */
  sharedList?: string;
}

/** The YAML line to change for a finding: its allowlist entry, its exception, else the account. */
export function locate(report: Report, f: Finding): Place {
  const account = report.accounts.find((a) => a.name === f.account);
  return f.entry ?? f.exception ?? { file: POLICY_FILE, line: account?.line ?? 1 };
}

/** Follows to end: violations and lapsed endorsements. */
export function actions(report: Report): Finding[] {
  return report.findings.filter((f) => FINDING_KINDS[f.kind].section === 'unfollow');
}

export interface Decision {
  finding: Finding;
  /** Every account the same decision concerns (one endorsement, several accounts following). */
  accounts: string[];
  place: Place;
}

/** Warnings grouped by what the committee decides; one item per entry or exception to change. */
export function decisions(report: Report): { title: string; items: Decision[] }[] {
  // Every section but the follows to end, in the order SECTIONS gives: none is left out.
  const groups = new Map<string, { title: string; items: Map<string, Decision> }>();
  for (const [section, title] of Object.entries(SECTIONS))
    if (section !== 'unfollow') groups.set(section, { title, items: new Map() });
  const lines = new Map(report.accounts.map((a) => [a.name, a.line]));
  for (const f of report.findings) {
    const items = groups.get(FINDING_KINDS[f.kind].section)?.items;
    if (!items) continue;
    const place = f.entry ?? f.exception ?? { file: POLICY_FILE, line: lines.get(f.account) ?? 1 };
    // One item per account to look at where the place alone does not tell them apart.
    const key =
      f.kind === 'name-only-match' || f.kind === 'handle-changed' || f.kind === 'unidentified'
        ? `${f.kind} ${place.file}:${place.line} ${f.message}`
        : `${f.kind} ${place.file}:${place.line}`;
    const seen = items.get(key);
    if (seen) seen.accounts.push(f.account);
    else items.set(key, { finding: f, accounts: [f.account], place });
  }
  return [...groups.values()]
    .map(({ title, items }) => ({ title, items: [...items.values()] }))
    .filter((g) => g.items.length > 0);
}

/**
 * A profile link safe to print: the source's own http(s) URL, else one built from the id or a
 * handle the platform accepts (a remote string that is no handle builds no link).
 */
export function profileLink(platform: Platform, target: AccountRef): string | null {
  const profile = profiles[platform];
  const handle = target.handle && typeof profile.parse(target.handle) !== 'string' ? target.handle : null;
  return (
    httpUrl(target.url) ??
    (handle || target.id ? httpUrl(profile.profileUrl({ id: target.id, handle })) : null)
  );
}

/** How fresh an account's list is: when it was fetched and how old that is on the as-of day. */
export function freshness(a: AccountResult, asOf: string): string {
  const day = a.listDate ?? a.fetchedAt?.slice(0, 10);
  if (!day) return a.source === 'api' ? 'fetched now' : 'not recorded in the file';
  const age = daysBetween(day, asOf);
  return age > 0 ? `${day} (${plural(age, 'day')} old)` : day;
}

export function hasChanges(c: AccountChanges): boolean {
  return (
    c.followed.length + c.unfollowed.length + c.newlyLapsed.length + c.resolved.length > 0 ||
    c.notCompared !== null
  );
}

/** One line that says whether anything needs doing. */
export function verdict(report: Report): string {
  const s = report.summary;
  const todo = actions(report).length;
  const open = decisions(report).reduce((n, g) => n + g.items.length, 0);
  const parts = `${todo ? plural(todo, 'follow') : 'no follow'} to end, ${open ? plural(open, 'decision') : 'no decision'} pending`;
  const untold = [
    s.incompleteAccounts && `${plural(s.incompleteAccounts, 'account')} not audited`,
    s.unknown && `${plural(s.unknown, 'follow')} not identified`,
  ].filter(Boolean);
  if (untold.length) return `INCOMPLETE: ${untold.join(', ')}; ${parts}`;
  return `${todo ? 'ACTION NEEDED' : 'OK'}: ${parts} (${plural(s.following, 'follow')} audited, ${s.allowed} allowed)`;
}

/** Where an account's list came from: its source, with the file read. */
export function sourceLabel(a: AccountResult): string {
  return a.file ? `${a.source}: ${a.file}` : a.source;
}
