// The JSON report's schema (docs/json-report.md), for `follow-audit schema report`. The compiler
// holds it to the types that build the report: a field added to one and not the other fails the
// build, so the published schema cannot drift from what the tool writes.
import { z } from 'zod';
import { ALL_CLASSES, FINDING_KINDS, type FindingKind } from '../core/findings.js';
import type { Report } from '../core/report.js';
import { PLATFORMS } from '../model.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const platform = z.enum(PLATFORMS);
const nullable = z.string().nullable();
const accountRef = z.object({ id: nullable, handle: nullable, name: nullable, url: nullable });
// An exception's target also names its platform; other targets do not.
const target = accountRef.extend({ platform: platform.optional() });
const entry = z.object({
  name: z.string(),
  category: z.string(),
  file: z.string(),
  line: z.number(),
  sharedList: z.string().optional(),
});
const looksLike = z.object({ entry: z.string(), handle: z.string(), file: z.string(), line: z.number() });
const exception = z.object({ follows: z.string(), expires: day, file: z.string(), line: z.number() });

const kind = z.enum(Object.keys(FINDING_KINDS) as [FindingKind, ...FindingKind[]]);

const subject = {
  class: z.enum(ALL_CLASSES),
  account: z.string(),
  platform,
  target,
  message: z.string(),
};

interface Facts extends z.ZodRawShape {
  entry: z.ZodType;
  exception: z.ZodType;
  since: z.ZodType;
  expires: z.ZodType;
}

function findingOf<const K extends readonly [FindingKind, ...FindingKind[]], F extends Facts>(
  kinds: K,
  facts: F,
) {
  return z.object({ kind: z.enum(kinds), ...subject, ...facts });
}

const finding = z.union([
  findingOf(['not-allowed'], {
    entry: z.null(),
    exception: z.null(),
    since: z.null(),
    expires: z.null(),
    looksLike: looksLike.optional(),
  }),
  findingOf(['unidentified'], { entry: z.null(), exception: z.null(), since: z.null(), expires: z.null() }),
  findingOf(['category-not-allowed', 'handle-changed', 'name-only-match'], {
    entry,
    exception: z.null(),
    since: z.null(),
    expires: z.null(),
  }),
  findingOf(['endorsement-lapsed', 'endorsement-retracted', 'endorsement-expiring'], {
    entry,
    exception: z.null(),
    since: day,
    expires: day,
  }),
  findingOf(['exception-expired', 'exception-expiring'], {
    entry: z.null(),
    exception,
    since: day,
    expires: day,
  }),
  findingOf(['exception-unused'], { entry: z.null(), exception, since: z.null(), expires: day }),
]);

const account = z.object({
  name: z.string(),
  platform,
  handle: z.string(),
  source: z.enum(['api', 'export', 'csv', 'snapshot', 'import']),
  complete: z.boolean(),
  following: z.number(),
  fetchedAt: nullable,
  listDate: day.nullable(),
  error: nullable,
  file: nullable,
  line: z.number(),
  notes: z.array(z.string()),
});

const sharedList = z.object({
  file: z.string(),
  line: z.number(),
  source: z.string(),
  sha256: z.string(),
  updated: day.nullable(),
  category: z.string(),
  entries: z.number(),
  excluded: z.array(
    z.object({ name: z.string(), decided: day.nullable(), decision: nullable, line: z.number() }),
  ),
  changed: z.boolean().nullable(),
});

const earlierFinding = z.object({
  kind,
  class: z.enum(ALL_CLASSES),
  account: z.string(),
  platform,
  target,
  message: z.string(),
});

const changes = z.object({
  since: z.object({ file: z.string(), asOf: day, savedAt: nullable }),
  accounts: z.array(
    z.object({
      account: z.string(),
      platform: platform.nullable(),
      notCompared: nullable,
      followed: z.array(accountRef.extend({ finding: kind.nullable() })),
      unfollowed: z.array(accountRef),
      newlyLapsed: z.array(finding),
      resolved: z.array(earlierFinding),
    }),
  ),
});

export const reportSchema = z.object({
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.string(), version: z.string() }),
  organization: z.string(),
  asOf: day,
  accounts: z.array(account),
  sharedLists: z.array(sharedList).optional(),
  findings: z.array(finding),
  summary: z.object({
    following: z.number(),
    allowed: z.number(),
    violation: z.number(),
    lapsed: z.number(),
    warning: z.number(),
    unknown: z.number(),
    incompleteAccounts: z.number(),
  }),
  changes: changes.nullish(),
  notes: z.array(z.string()).optional(),
});

/** What `--format json` writes: the report without the follow lists a saved report keeps. */
type JsonReport = Omit<Report, 'follows'>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// A compile error on the next line means the report's types and this schema differ: make them agree.
const matchesReport: Same<z.output<typeof reportSchema>, JsonReport> = true;
void matchesReport;
