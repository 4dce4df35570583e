// What the organization's own files say about one account: the CLI's `check` and the members'
// page both answer with this, so a member gets the same verdict wherever they ask.
import type { AuditedAccount, Category, Config, Endorsement, Entry, Exception } from '../config/types.js';
import type { AccountRef, Day, Followed, FollowingList, Platform, PlatformRef } from '../model.js';
import { Judge } from './evaluate.js';
import { classRank, FINDING_KINDS, type Finding, type FindingKind, findingTarget } from './findings.js';
import { profileUrl, sameAccount } from './identity.js';
import { findingMessage } from './message.js';
import type { EntryState } from './verdict.js';

export type Verdict = FindingKind | 'allowed';

/** The parts of the configuration a check reads (the page carries only these). */
export interface CheckConfig extends Pick<Config, 'organization' | 'contact' | 'allow' | 'warnDays'> {
  accounts: Pick<AuditedAccount, 'name' | 'platform' | 'allow' | 'contact'>[];
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
  /**
   * The most serious verdict among our accounts that follow the target; when none does, the
   * verdict under the organization-wide allow (`followedBy` is then empty).
   */
  verdict: Verdict;
  /** The sentence behind the verdict, for people. */
  message: string;
  /** Our accounts whose latest complete list shows the follow. */
  followedBy: string[];
  accounts: {
    name: string;
    /** null when no complete list says. */
    follows: boolean | null;
    verdict: Verdict;
    allow: string[];
    /** The list consulted, or null where none was (the members' page without audit data). */
    list: { source: string; fetchedAt: string | null; listDate: string | null; complete: boolean } | null;
  }[];
  matches: {
    name: string;
    category: string;
    file: string;
    line: number;
    /** For an entry of a shared list (`file` is then its source): the allowlist file that includes it. */
    sharedList?: string;
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
  /** Where the member's report goes: the team of the account that follows it, else the organization's. */
  contact: string | null;
  /** Every address the report goes to (sanctioned accounts' teams and the organization). */
  contacts: string[];
}

/** What a member named: a platform's handle or id, or a display name where that is all there is. */
export interface CheckTarget extends PlatformRef {
  name?: string | null;
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
  ref: CheckTarget,
): CheckResult {
  const { platform } = ref;
  const judge = new Judge(config, today);
  const named = {
    id: ref.id,
    handle: ref.handle,
    name: ref.name ?? null,
    url: profileUrl(platform, ref),
  };
  const target: Followed = { ...named };
  // An id the allowlist knows finds the account in id-only lists (X and Bluesky exports).
  target.id ??= uniqueId(
    judge.entriesFor(platform, target).flatMap((e) => e.refs.filter((r) => r.platform === platform)),
    platform,
    target.handle,
  );
  const accounts = config.accounts.filter((a) => a.platform === platform);
  const rows = accounts.map((account, i) => {
    const list = lists[i] ?? null;
    // A list of display names only (Facebook's export) can name the target only by its name.
    const byName = { name: target.name };
    const followed =
      list?.following.find((f) => sameAccount(platform, f, target)) ??
      list?.following.find((f) => sameAccount(platform, f, byName));
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
      findings,
      contact: account.contact ?? config.contact,
      row: {
        name: account.name,
        follows: list?.complete ? followed !== undefined : null,
        verdict: verdictOf(findings),
        allow: account.allow,
        list: list && {
          source: list.file ?? list.source,
          fetchedAt: list.fetchedAt,
          listDate: list.listDate ?? null,
          complete: list.complete,
        },
      },
    };
  });
  const matched = matchedEntries(judge, platform, target);
  // Organization-wide, only exceptions for every account ("*") apply.
  const orgFindings = judge.follow({ account: 'every account', platform }, new Set(config.allow), target);
  const following = rows
    .filter((r) => r.row.follows)
    .sort((a, b) => verdictRank(b.row.verdict) - verdictRank(a.row.verdict));
  const worst = following[0];
  const contacts = [...new Set(following.map((r) => r.contact).filter((c): c is string => !!c))];
  if (contacts.length === 0 && config.contact) contacts.push(config.contact);
  return {
    organization: config.organization,
    asOf: today,
    // The account as the member named it (docs/commands.md); what the lists add serves the matching.
    target: named,
    platform,
    verdict: worst ? worst.row.verdict : verdictOf(orgFindings),
    message: worst
      ? accountMessage(
          mostSevere(worst.findings),
          worst.row.name,
          { target, platform },
          allowedBy(judge, worst.row.allow, matched),
        )
      : orgMessage(
          mostSevere(orgFindings),
          today,
          { target, platform },
          allowedBy(judge, config.allow, matched),
          { known: rows.filter((r) => r.row.follows !== null).length, of: rows.length },
          !config.exceptionsHidden,
        ),
    followedBy: following.map((r) => r.row.name),
    accounts: rows.map((r) => r.row),
    matches: matched.map((e) => ({
      name: e.name,
      category: e.category,
      file: e.file,
      line: e.line,
      ...(e.sharedList ? { sharedList: e.sharedList } : {}),
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
    contact: contacts[0] ?? null,
    contacts,
  };
}

/** By id or handle; an account known only by a display name, by that name on this platform. */
function matchedEntries(judge: Judge, platform: Platform, target: Followed): Entry[] {
  if (target.id || target.handle || !target.name) return judge.entriesFor(platform, target);
  return judge.entriesNamed(target.name).filter((e) => e.refs.some((r) => r.platform === platform));
}

const pick = ({ state, end }: { state: EntryState; end: Day }) => ({ state, end });

function uniqueId(refs: AccountRef[], platform: Platform, handle: string | null): string | null {
  const ids = new Set(
    refs.filter((r) => r.id && sameAccount(platform, { handle: r.handle }, { handle })).map((r) => r.id),
  );
  return ids.size === 1 ? [...ids][0]! : null;
}

/** What allows an account when no finding says otherwise: an entry, or an exception. */
function allowedBy(judge: Judge, allow: string[], matched: Entry[]): string | null {
  const held = matched.filter((e) => allow.includes(e.category) && judge.holds(e));
  if (held.length) return `the allowlists (${held.map((e) => `${e.name}, ${e.category}`).join('; ')})`;
  return null;
}

/** The account a member asked about, and the platform whose rules show its handle. */
type Asked = { target: AccountRef; platform: Platform };

function accountMessage(f: Finding | undefined, account: string, asked: Asked, allowed: string | null) {
  const who = findingTarget({ ...asked, looksLike: f?.kind === 'not-allowed' ? f.looksLike : undefined });
  if (!f) return `${account} follows ${who}, allowed by ${allowed ?? 'a temporary exception'}`;
  if (f.message.includes(account)) return f.message;
  return f.kind.startsWith('endorsement-')
    ? `${account} follows ${who}: ${f.message}`
    : `${account}: ${f.message}`;
}

/**
 * The organization-wide answer, led by what the lists show: that none follows the account, or,
 * where some or all lists are not known (the members' page publishes none by default), only that.
 */
function orgMessage(
  f: Finding | undefined,
  today: Day,
  asked: Asked,
  allowed: string | null,
  lists: { known: number; of: number },
  exceptionsKnown: boolean,
): string {
  const who = findingTarget({ ...asked, looksLike: f?.kind === 'not-allowed' ? f.looksLike : undefined });
  const lead =
    lists.known === 0 && lists.of > 0
      ? `Whether our accounts follow ${who} is not known here`
      : lists.known < lists.of
        ? `None of our accounts whose list is known follows ${who}`
        : `None of our accounts follows ${who}`;
  if (!f)
    return `${lead}; our accounts may follow it, by ${allowed ?? 'a temporary exception for every account'}`;
  // Where the exceptions are not published (the members' page), "no exception covers" is not known.
  const scope = exceptionsKnown ? 'organization' : 'organization-without-exceptions';
  return `${lead}. ${findingMessage(f, today, scope)}`;
}

/** allowed < warning < lapsed < violation; "unknown" and any later class rank with violation. */
function verdictRank(v: Verdict): number {
  if (v === 'allowed') return -1;
  const rank = classRank(FINDING_KINDS[v].class);
  return rank < 0 ? CLASS_COUNT : rank;
}
const CLASS_COUNT = 3;

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
