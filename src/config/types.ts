import type { AccountRef, Day, LiveAccount, Platform, Position } from '../model.js';

export interface AuditedAccount extends LiveAccount {
  /** As written in policy.yaml (without "@"), for reports. */
  shownHandle?: string;
  /** "api", or a path relative to the config folder. */
  source: string;
  /** Categories this account may follow (its own allow, else the policy's). */
  allow: string[];
  /** A sanctioned account's own team (else the organization's contact). */
  contact?: string | null;
  note: string | null;
  position: Position;
  /** Days a list may be old before it is stale (0: never); load fills in the policy's. */
  maxAgeDays?: number;
  /** The day a file that records no date describes, as policy.yaml says. */
  asOf?: Day | null;
}

export interface EntryRef extends AccountRef {
  platform: Platform;
  /** A person confirmed that the account this reference names by `name` is the entry's. */
  confirmed?: { date: Day; by: string | null } | null;
}

export interface Endorsement {
  level: 'local' | 'national' | null;
  office: string | null;
  endorsed: Day | null;
  expires: Day;
  retracted: { date: Day; reason: string | null } | null;
}

export interface Entry {
  name: string;
  category: string;
  file: string;
  line: number;
  refs: EntryRef[];
  endorsement: Endorsement | null;
  decided: Day | null;
  decision: string | null;
  note: string | null;
  /** For an entry of a shared list: the allowlist file that includes it (`file` is the list's source). */
  sharedList?: string;
}

/** An entry of a shared list that this organization does not accept. */
export interface Exclusion {
  name: string;
  decided: Day | null;
  decision: string | null;
  /** Where the exclusion is written, in the including file. */
  line: number;
}

/** A list someone else keeps, named by an allowlist file (`include:`) and pinned by its SHA-256. */
export interface SharedList {
  /** The allowlist file that includes it. */
  file: string;
  /** The line of its `include:`. */
  line: number;
  /** The https URL, or the path relative to the config folder: how findings name its entries. */
  source: string;
  sha256: string;
  /** The day the pin was last updated, as the including file records it. */
  updated: Day | null;
  category: string;
  /** Entries this organization takes from it (excluded ones not counted). */
  entries: number;
  excluded: Exclusion[];
  /** A path source that differs from the pin (run update); null for a URL, which audits never fetch. */
  changed: boolean | null;
}

export interface Exception {
  /** An account name, or "*". */
  account: string;
  /** As written in policy.yaml. */
  follows: string;
  target: EntryRef;
  reason: string;
  approvedBy: string;
  decided: Day | null;
  decision: string | null;
  expires: Day;
  position: Position;
}

export interface Category {
  name: string;
  description: string | null;
  files: string[];
}

export interface Config {
  dir: string;
  policyFile: string;
  organization: string;
  contact: string | null;
  timezone: string;
  warnDays: number;
  /** The top-level max_age_days (0: lists never go stale). */
  maxAgeDays?: number;
  /** The organization-wide allow (all categories when the policy names none). */
  allow: string[];
  accounts: AuditedAccount[];
  exceptions: Exception[];
  entries: Entry[];
  categories: Map<string, Category>;
  /** Every shared list the allowlists include, in file order. */
  sharedLists: SharedList[];
}
