import type { AccountRef, Day, Platform } from '../model.js';

export const CLASSES = ['warning', 'lapsed', 'violation'] as const;
export type FindingClass = (typeof CLASSES)[number];

export type FindingKind =
  | 'not-allowed'
  | 'category-not-allowed'
  | 'exception-expired'
  | 'endorsement-lapsed'
  | 'endorsement-retracted'
  | 'endorsement-expiring'
  | 'exception-expiring'
  | 'handle-changed'
  | 'name-only-match'
  | 'exception-unused';

/** Every kind needs a row here: the compiler refuses a new kind without its class and title. */
export const FINDING_KINDS: Record<FindingKind, { class: FindingClass; title: string }> = {
  'not-allowed': { class: 'violation', title: 'On no allowlist' },
  'category-not-allowed': { class: 'violation', title: 'Category not allowed for this account' },
  'exception-expired': { class: 'violation', title: 'Exception expired' },
  'endorsement-lapsed': { class: 'lapsed', title: 'Endorsement lapsed' },
  'endorsement-retracted': { class: 'lapsed', title: 'Endorsement retracted' },
  'endorsement-expiring': { class: 'warning', title: 'Endorsement ending soon' },
  'exception-expiring': { class: 'warning', title: 'Exception ending soon' },
  'handle-changed': { class: 'warning', title: 'Handle changed' },
  'name-only-match': { class: 'warning', title: 'Matched by display name only' },
  'exception-unused': { class: 'warning', title: 'Exception no longer used' },
};

export interface EntryInfo {
  name: string;
  category: string;
  file: string;
  line: number;
}

export interface ExceptionInfo {
  follows: string;
  expires: Day;
  file: string;
  line: number;
}

export interface Finding {
  kind: FindingKind;
  class: FindingClass;
  account: string;
  platform: Platform;
  target: AccountRef;
  entry: EntryInfo | null;
  exception: ExceptionInfo | null;
  /** The first day on which this finding holds, where one is known. */
  since: Day | null;
  /** The last day an endorsement or exception covers, for the kinds that concern one. */
  expires: Day | null;
  message: string;
}

export const classRank = (c: FindingClass) => CLASSES.indexOf(c);

/** How a report names an account: @handle, else its name, else its id. */
export function targetLabel(target: AccountRef): string {
  if (target.handle) return `@${target.handle}`;
  if (target.name) return `"${target.name}"`;
  if (target.id) return `id ${target.id}`;
  return 'an unknown account';
}
