import { obtainAll, resolveToday } from '../audit.js';
import { loadConfig } from '../config/load.js';
import type { Entry, Exception } from '../config/types.js';
import { Judge } from '../core/evaluate.js';
import { classRank, type Finding, type FindingKind } from '../core/findings.js';
import { UsageError } from '../errors.js';
import type { AccountRef, Day, Followed, Platform } from '../model.js';
import { adapters, parsePlatformRef } from '../platforms/registry.js';
import type { ObtainOptions } from '../sources/obtain.js';

export type Verdict = FindingKind | 'allowed';

export interface CheckResult {
  organization: string;
  asOf: Day;
  target: AccountRef;
  platform: Platform;
  verdict: Verdict;
  /** The sentence behind the verdict, for people. */
  message: string;
  accounts: {
    name: string;
    follows: boolean | null;
    verdict: Verdict;
    allow: string[];
    list: { source: string; fetchedAt: string | null; complete: boolean };
  }[];
  matches: {
    name: string;
    category: string;
    file: string;
    line: number;
    decided: Day | null;
    decision: string | null;
    endorsement: Entry['endorsement'];
  }[];
  exceptions: {
    account: string;
    reason: string;
    approvedBy: string;
    decided: Day | null;
    expires: Day;
    file: string;
    line: number;
  }[];
  categories: { name: string; description: string | null; allowed: boolean }[];
  contact: string | null;
}

/** Everything the organization's own files say about one account a member finds questionable. */
export async function check(
  dir: string,
  refText: string,
  asOf: string | undefined,
  options: ObtainOptions,
): Promise<CheckResult> {
  const config = await loadConfig(dir);
  const today = resolveToday(config, asOf, options.now());
  const ref = parsePlatformRef(refText);
  if (typeof ref === 'string') throw new UsageError(ref);
  const adapter = adapters[ref.platform];
  const target: Followed = { id: ref.id, handle: ref.handle, name: null, url: adapter.profileUrl(ref) };
  const judge = new Judge(config, today);
  const accounts = config.accounts.filter((a) => a.platform === ref.platform);
  // Members run this offline: the latest lists are export files and saved snapshots.
  const lists = await obtainAll(config, accounts, { ...options, offline: true });
  const rows = accounts.map((account, i) => {
    const list = lists[i]!;
    const followed = list.following.find((f) => judge.sameAccount(ref.platform, f, target));
    if (followed) {
      target.id ??= followed.id;
      target.name ??= followed.name;
    }
    const findings = judge.follow(list, new Set(account.allow), followed ?? target);
    return {
      name: account.name,
      follows: list.complete ? followed !== undefined : null,
      verdict: verdictOf(findings),
      allow: account.allow,
      list: { source: list.file ?? list.source, fetchedAt: list.fetchedAt, complete: list.complete },
      findings,
    };
  });
  const orgFindings = judge.follow({ account: '', platform: ref.platform }, new Set(config.allow), target);
  const matched = judge.entriesFor(ref.platform, target);
  return {
    organization: config.organization,
    asOf: today,
    target: { id: target.id, handle: target.handle, name: target.name, url: target.url },
    platform: ref.platform,
    verdict: verdictOf(orgFindings),
    message: mostSevere(orgFindings)?.message ?? 'allowed by the allowlists',
    accounts: rows.map(({ findings: _, ...row }) => row),
    matches: matched.map((e) => ({
      name: e.name,
      category: e.category,
      file: e.file,
      line: e.line,
      decided: e.decided,
      decision: e.decision,
      endorsement: e.endorsement,
    })),
    exceptions: judge.exceptionsFor(ref.platform, target).map(exceptionRow),
    categories: [...config.categories.values()].map((c) => ({
      name: c.name,
      description: c.description,
      allowed: config.allow.includes(c.name),
    })),
    contact: config.contact,
  };
}

function exceptionRow(e: Exception) {
  return {
    account: e.account,
    reason: e.reason,
    approvedBy: e.approvedBy,
    decided: e.decided,
    expires: e.expires,
    file: e.position.file,
    line: e.position.line,
  };
}

function mostSevere(findings: Finding[]): Finding | undefined {
  const main = findings.filter((f) => f.kind !== 'handle-changed');
  return (main.length ? main : findings).reduce<Finding | undefined>(
    (a, b) => (!a || classRank(b.class) > classRank(a.class) ? b : a),
    undefined,
  );
}

export function verdictOf(findings: Finding[]): Verdict {
  return mostSevere(findings)?.kind ?? 'allowed';
}
