// What the members' page carries, as JSON, and how it turns back into what `judgeRef` reads.
// Shipped into the page: no Node imports here.
import type { Entry, Exception } from '../config/types.js';
import type { CheckConfig, Verdict } from '../core/check.js';
import type { FindingClass } from '../core/findings.js';
import type { FollowingList, Platform } from '../model.js';

export interface PageAccount {
  name: string;
  platform: Platform;
  handle: string;
  allow: string[];
  /** The account's own team, where members' reports about its follows go. */
  contact: string | null;
  note: string | null;
}

export interface PageData {
  organization: string;
  contact: string | null;
  asOf: string;
  timezone: string;
  allow: string[];
  warnDays: number;
  accounts: PageAccount[];
  categories: { name: string; description: string | null }[];
  entries: Entry[];
  /** Only with --include-audit: exceptions carry reasons the allowlists do not publish. */
  exceptions: Exception[];
  /** Only with --include-audit: each account's latest list, in `accounts` order. */
  lists: (Pick<
    FollowingList,
    'account' | 'source' | 'file' | 'fetchedAt' | 'listDate' | 'complete' | 'following'
  > | null)[];
  /** Only with --include-audit: the audit's findings, worst first. */
  findings: { class: FindingClass; kind: Verdict; account: string; message: string }[];
  includeAudit: boolean;
}

export function checkConfigOf(data: PageData): CheckConfig {
  return {
    organization: data.organization,
    contact: data.contact,
    allow: data.allow,
    warnDays: data.warnDays,
    accounts: data.accounts,
    entries: data.entries,
    exceptions: data.exceptions,
    categories: new Map(data.categories.map((c) => [c.name, c])),
    exceptionsHidden: !data.includeAudit,
  };
}

/** The lists `judgeRef` reads for one platform, or nulls where the page carries none. */
export function listsOf(data: PageData, platform: Platform): (FollowingList | null)[] {
  return data.accounts
    .map((account, i) => ({ account, list: data.lists[i] ?? null }))
    .filter(({ account }) => account.platform === platform)
    .map(({ account, list }) =>
      list
        ? { ...list, platform, handle: account.handle, error: null, notes: [], following: list.following }
        : null,
    );
}
