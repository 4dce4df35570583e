import type { Config, SharedList } from '../config/types.js';
import type { Day, FollowingList, Platform, SourceKind } from '../model.js';
import type { Changes, FollowKey } from './changes.js';
import type { Evaluation } from './evaluate.js';
import type { Finding } from './findings.js';

export interface AccountResult {
  name: string;
  platform: Platform;
  handle: string;
  source: SourceKind;
  complete: boolean;
  following: number;
  fetchedAt: string | null;
  /** The day the list describes; null when the source does not say. */
  listDate: Day | null;
  error: string | null;
  /** The source file, relative to the config folder; null for a live fetch. */
  file: string | null;
  /** Where the account is defined in policy.yaml. */
  line: number;
  notes: string[];
}

export interface Summary {
  following: number;
  allowed: number;
  violation: number;
  lapsed: number;
  warning: number;
  /** Follows the audit could not identify (class `unknown`): the audit is not complete. */
  unknown: number;
  incompleteAccounts: number;
}

export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  organization: string;
  asOf: Day;
  accounts: AccountResult[];
  /** Every shared list the allowlists include, with its pin (absent in reports saved before there were any). */
  sharedLists?: SharedList[];
  findings: Finding[];
  summary: Summary;
  /** What changed since an earlier report; null when there is none to compare with. */
  changes?: Changes | null;
  /** What this run could not keep under .follow-audit/ (a read-only folder, a full disk); absent when all was kept. */
  notes?: string[];
  /** Each complete account's follows, kept in saved reports for the next comparison; not printed. */
  follows?: Record<string, FollowKey[]>;
}

export function buildReport(
  config: Config,
  lists: FollowingList[],
  evaluation: Evaluation,
  asOf: Day,
  version: string,
): Report {
  const byName = new Map(config.accounts.map((a) => [a.name, a]));
  const accounts = lists.map((list): AccountResult => {
    const account = byName.get(list.account)!;
    return {
      name: list.account,
      platform: list.platform,
      handle: account.shownHandle ?? list.handle,
      source: list.source,
      complete: list.complete,
      following: list.following.length,
      fetchedAt: list.fetchedAt,
      listDate: list.listDate ?? null,
      error: list.error,
      file: list.file,
      line: account.position.line,
      notes: list.notes,
    };
  });
  const counts: Record<Finding['class'], number> = { violation: 0, lapsed: 0, warning: 0, unknown: 0 };
  for (const f of evaluation.findings) counts[f.class]++;
  const complete = accounts.filter((a) => a.complete);
  return {
    schemaVersion: 1,
    tool: { name: 'follow-audit', version },
    organization: config.organization,
    asOf,
    accounts,
    sharedLists: config.sharedLists,
    findings: evaluation.findings,
    summary: {
      following: complete.reduce((n, a) => n + a.following, 0),
      allowed: complete.reduce((n, a) => n + (evaluation.allowed.get(a.name) ?? 0), 0),
      ...counts,
      incompleteAccounts: accounts.length - complete.length,
    },
  };
}
