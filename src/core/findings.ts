import type { AccountRef, Day, Platform } from '../model.js';
import { visibleHandle } from './identity.js';

/** The classes `--fail-on` ranks, least serious first. */
export const CLASSES = ['warning', 'lapsed', 'violation'] as const;
/**
 * `unknown` stands apart from the ranked classes: the audit could not tell, so it is never a
 * pass (exit 3 whatever `--fail-on` says) and never a follow to end.
 */
export type FindingClass = (typeof CLASSES)[number] | 'unknown';
export const ALL_CLASSES = [...CLASSES, 'unknown'] as const satisfies readonly FindingClass[];

/** The order reports list classes in: what needs doing first. */
export const CLASS_ORDER = [
  'violation',
  'lapsed',
  'unknown',
  'warning',
] as const satisfies readonly FindingClass[];

/** Where the allowlist entry behind a finding is written. */
export interface EntryInfo {
  name: string;
  category: string;
  /** The allowlist file, or a shared list's source (its https URL or path). */
  file: string;
  line: number;
  /** For an entry of a shared list: the allowlist file that includes it. */
  sharedList?: string;
}

/** Where the exception behind a finding is written. */
export interface ExceptionInfo {
  follows: string;
  expires: Day;
  file: string;
  line: number;
}

/** The allowlisted account a follow only looks like: its handle has characters that pass for others. */
export interface LookAlike {
  /** The entry's name. */
  entry: string;
  /** The entry's handle that the follow's resembles. */
  handle: string;
  file: string;
  line: number;
}

/**
 * What each kind of finding says beyond who and where: the entry where one matched, the
 * exception where one applies, and the days where the kind concerns a period. Every key is in
 * every finding (null where a kind has none), in the order the JSON report documents.
 */
export type FindingFacts =
  | {
      kind: 'not-allowed';
      entry: null;
      exception: null;
      since: null;
      expires: null;
      /** Present where the follow's handle only looks like an allowlisted one. */
      looksLike?: LookAlike;
    }
  | { kind: 'unidentified'; entry: null; exception: null; since: null; expires: null }
  | {
      kind: 'category-not-allowed' | 'handle-changed' | 'name-only-match';
      entry: EntryInfo;
      exception: null;
      since: null;
      expires: null;
    }
  | {
      kind: 'endorsement-lapsed' | 'endorsement-retracted' | 'endorsement-expiring';
      entry: EntryInfo;
      exception: null;
      /** The first day on which this finding holds. */
      since: Day;
      /** The last day the endorsement covers. */
      expires: Day;
    }
  | {
      kind: 'exception-expired' | 'exception-expiring';
      entry: null;
      exception: ExceptionInfo;
      since: Day;
      expires: Day;
    }
  | { kind: 'exception-unused'; entry: null; exception: ExceptionInfo; since: null; expires: Day };

export type FindingKind = FindingFacts['kind'];

/** Who follows whom: what every finding has besides its facts. */
export interface FindingSubject {
  account: string;
  platform: Platform;
  target: AccountRef;
}

export type FindingDraft = FindingFacts & FindingSubject & { class: FindingClass };
export type Finding = FindingDraft & { message: string };

/**
 * The report sections findings go to, in the order reports show them: the follows to end, then
 * the decisions the committee takes. Reporters show every one, so no kind can go unshown.
 */
export const SECTIONS = {
  unfollow: 'Follows to end',
  identify: 'Follows known only by id: find out who they are',
  renew: 'Endorsements and exceptions ending soon: renew or let end',
  handles: 'Handles that changed: update the allowlist',
  unused: 'Exceptions no longer used: remove them',
  confirm: 'Matched by display name only: confirm',
} as const;
export type Section = keyof typeof SECTIONS;

/** Every kind needs a row here: the compiler refuses a new kind without its class, title and section. */
export const FINDING_KINDS: Record<FindingKind, { class: FindingClass; title: string; section: Section }> = {
  'not-allowed': { class: 'violation', title: 'On no allowlist', section: 'unfollow' },
  'category-not-allowed': {
    class: 'violation',
    title: 'Category not allowed for this account',
    section: 'unfollow',
  },
  'exception-expired': { class: 'violation', title: 'Exception expired', section: 'unfollow' },
  'endorsement-lapsed': { class: 'lapsed', title: 'Endorsement lapsed', section: 'unfollow' },
  'endorsement-retracted': { class: 'lapsed', title: 'Endorsement retracted', section: 'unfollow' },
  'endorsement-expiring': { class: 'warning', title: 'Endorsement ending soon', section: 'renew' },
  'exception-expiring': { class: 'warning', title: 'Exception ending soon', section: 'renew' },
  'handle-changed': { class: 'warning', title: 'Handle changed', section: 'handles' },
  'name-only-match': { class: 'warning', title: 'Matched by display name only', section: 'confirm' },
  'exception-unused': { class: 'warning', title: 'Exception no longer used', section: 'unused' },
  unidentified: { class: 'unknown', title: 'Not identified', section: 'identify' },
};

/**
 * How serious a class is where one verdict must stand for several: the reverse of the order reports
 * list them in, so "could not tell" ranks above a warning.
 */
export const classRank = (c: FindingClass) => CLASS_ORDER.length - 1 - CLASS_ORDER.indexOf(c);

/**
 * How a report names an account: @handle, else its name, else its id. A handle that could pass
 * for another shows its characters beyond ASCII as code points (`identity.ts`, visibleHandle).
 */
export function targetLabel(target: AccountRef, platform: Platform | null, looksLike = false): string {
  if (target.handle) return `@${visibleHandle(platform, target.handle, looksLike)}`;
  if (target.name) return `"${target.name}"`;
  if (target.id) return `id ${target.id}`;
  return 'an unknown account';
}

/** How a report names a finding's account: its targetLabel, told whether it only looks like an entry. */
export const findingTarget = (f: { target: AccountRef; platform: Platform; looksLike?: LookAlike }) =>
  targetLabel(f.target, f.platform, f.looksLike !== undefined);

/** The allowlisted account a finding's account only looks like, if any. */
export const lookAlikeOf = (f: FindingDraft): LookAlike | undefined =>
  f.kind === 'not-allowed' ? f.looksLike : undefined;
