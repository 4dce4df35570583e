// What the organization's own files say about one account: the CLI's `check` and the members'
// page both answer with this, so a member gets the same verdict wherever they ask.
import type { AuditedAccount, Category, Config, Endorsement, Entry, Exception } from '../config/types.js';
import type { AccountRef, Day, Followed, FollowingList, Platform, PlatformRef } from '../model.js';
import { Judge } from './evaluate.js';
import { classRank, type Finding, type FindingKind, targetLabel } from './findings.js';
import { profileUrl, sameAccount } from './identity.js';
import { findingMessage } from './message.js';
import type { EntryState } from './verdict.js';

export type Verdict = FindingKind | 'allowed';

/** The parts of the configuration a check reads (the page carries only these). */
export interface CheckConfig extends Pick<Config, 'organization' | 'contact' | 'allow' | 'warnDays'> {
  accounts: Pick<AuditedAccount, 'name' | 'platform' | 'allow'>[];
  entries: Config['entries'];
  exceptions: Exception[];
  categories: Map<string, Pick<Category, 'name' | 'description'>>;
  /** The members' page leaves exceptions out unless asked: then none is known. */
  exceptionsHidden?: boolean;
}

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
    /** null when no complete list says. */
    follows: boolean | null;
    verdict: Verdict;
    allow: string[];
    /** The list consulted, or null where none was (the members' page without audit data). */
    list: { source: string; fetchedAt: string | null; complete: boolean } | null;
  }[];
  matches: {
    name: string;
    category: string;
    file: string;
    line: number;
    decided: Day | null;
    decision: string | null;
    endorsement: (Endorsement & { state: EntryState; end: Day }) | null;
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
  /** False where exceptions were not available (the members' page without --include-audit). */
  exceptionsKnown: boolean;
  contact: string | null;
}

/**
 * Judges one account against the allowlists and exceptions as of `today`, and looks it up in
 * each audited account's list of its platform (`lists[i]` belongs to that platform's i-th
 * account, or is null when no list is known).
 */
export function judgeRef(
  config: CheckConfig,
  lists: (FollowingList | null)[],
  today: Day,
  ref: PlatformRef,
): CheckResult {
  const { platform } = ref;
  const judge = new Judge(config, today);
  const target: Followed = {
    id: ref.id,
    handle: ref.handle,
    name: null,
    url: profileUrl(platform, ref),
  };
  // An id the allowlist knows finds the account in id-only lists (X and Bluesky exports).
  target.id ??= uniqueId(
    judge.entriesFor(platform, target).flatMap((e) => e.refs.filter((r) => r.platform === platform)),
    platform,
    target.handle,
  );
  const accounts = config.accounts.filter((a) => a.platform === platform);
  const rows = accounts.map((account, i) => {
    const list = lists[i] ?? null;
    const followed = list?.following.find((f) => sameAccount(platform, f, target));
    if (followed) {
      target.id ??= followed.id;
      // The list is fresher than what was typed or inferred: an account renamed since keeps its id.
      target.handle = followed.handle ?? target.handle;
      target.name ??= followed.name;
    }
    const findings = judge.follow(
      { account: account.name, platform },
      new Set(account.allow),
      followed ?? target,
    );
    return {
      name: account.name,
      follows: list?.complete ? followed !== undefined : null,
      verdict: verdictOf(findings),
      allow: account.allow,
      list: list && { source: list.file ?? list.source, fetchedAt: list.fetchedAt, complete: list.complete },
    };
  });
  const matched = judge.entriesFor(platform, target);
  // Organization-wide, only exceptions for every account ("*") apply.
  const orgFindings = judge.follow({ account: 'every account', platform }, new Set(config.allow), target);
  return {
    organization: config.organization,
    asOf: today,
    // The account as the member named it (SPEC §7); what the lists add serves the matching.
    target: { id: ref.id, handle: ref.handle, name: null, url: profileUrl(platform, ref) },
    platform,
    verdict: verdictOf(orgFindings),
    message: orgMessage(mostSevere(orgFindings), today, target, allowedBy(judge, config, matched)),
    accounts: rows,
    matches: matched.map((e) => ({
      name: e.name,
      category: e.category,
      file: e.file,
      line: e.line,
      decided: e.decided,
      decision: e.decision,
      endorsement: e.endorsement && { ...e.endorsement, ...pick(judge.state(e)) },
    })),
    exceptions: judge.exceptionsFor(platform, target).map(exceptionRow),
    categories: [...config.categories.values()].map((c) => ({
      name: c.name,
      description: c.description,
      allowed: config.allow.includes(c.name),
    })),
    exceptionsKnown: !config.exceptionsHidden,
    contact: config.contact,
  };
}

const pick = ({ state, end }: { state: EntryState; end: Day }) => ({ state, end });

function uniqueId(refs: AccountRef[], platform: Platform, handle: string | null): string | null {
  const ids = new Set(
    refs.filter((r) => r.id && sameAccount(platform, { handle: r.handle }, { handle })).map((r) => r.id),
  );
  return ids.size === 1 ? [...ids][0]! : null;
}

/** What allows an account organization-wide when nothing is found: an entry, or an exception. */
function allowedBy(judge: Judge, config: CheckConfig, matched: Entry[]): string {
  const held = matched.filter((e) => config.allow.includes(e.category) && judge.holds(e));
  if (held.length) return `the allowlists (${held.map((e) => `${e.name}, ${e.category}`).join('; ')})`;
  return 'a temporary exception for every account';
}

function orgMessage(f: Finding | undefined, today: Day, target: AccountRef, allowed: string): string {
  return f ? findingMessage(f, today, 'organization') : `${targetLabel(target)} is allowed by ${allowed}`;
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
