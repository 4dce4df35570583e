// What a month's plan holds: the data `plan` builds and its reporters render.
import type { FindingKind } from '../core/findings.js';
import type { AccountRef, Day, Platform } from '../model.js';
import type { Routine } from '../platforms/routine.js';

export interface PlanAccount {
  name: string;
  platform: Platform;
  handle: string;
  /** "api", "import", or the source file's path. */
  source: string;
  listDate: Day | null;
  complete: boolean;
  error: string | null;
  /** Why a new list is needed before the next audit; null when the one kept will do. */
  needsNew: string | null;
  download: Routine['download'];
  api: { name: string; tokens: { name: string; optional: boolean; set: boolean }[] } | null;
}

export interface PlanEnding {
  kind: 'endorsement' | 'exception';
  /** The entry's name, or the exception's `follows`. */
  name: string;
  ends: Day;
  file: string;
  line: number;
  /** Who decides whether it goes on: the recorded decision, or who approved the exception. */
  decidedBy: string | null;
  account: string | null;
  record: string;
}

export interface PlanFollow {
  account: string;
  platform: Platform;
  target: AccountRef;
  link: string | null;
  kind: FindingKind;
  message: string;
  file: string;
  line: number;
  how: string;
}

export interface PlanDecision {
  group: string;
  kind: FindingKind;
  message: string;
  file: string;
  line: number;
  accounts: string[];
  record: string;
}

export interface Plan {
  schemaVersion: 1;
  /** The title of the month's issue, e.g. "Follow audit 2026-12". */
  title: string;
  month: string;
  organization: string;
  asOf: Day;
  /** The next audit: what must still hold then. */
  until: Day;
  runbook: string;
  accounts: PlanAccount[];
  ending: PlanEnding[];
  lastReport: { file: string; asOf: Day } | null;
  unfollow: PlanFollow[];
  decisions: PlanDecision[];
}
