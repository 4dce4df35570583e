import { CLASSES, type FindingClass } from './findings.js';
import type { Report } from './report.js';

export type FailOn = Exclude<FindingClass, 'unknown'> | 'never';
export const FAIL_ON: readonly FailOn[] = [...CLASSES, 'never'];

export const EXIT = { ok: 0, findings: 1, usage: 2, incomplete: 3 } as const;

/**
 * 3 when any list is incomplete or any follow could not be identified (an audit that could not
 * tell never passes, whatever `failOn` says), else 1 when a finding is at or above `failOn`, else 0.
 */
export function exitCodeFor(report: Report, failOn: FailOn): number {
  if (report.accounts.some((a) => !a.complete)) return EXIT.incomplete;
  if (report.findings.some((f) => f.class === 'unknown')) return EXIT.incomplete;
  if (failOn === 'never') return EXIT.ok;
  const threshold = CLASSES.indexOf(failOn);
  return report.findings.some((f) => f.class !== 'unknown' && CLASSES.indexOf(f.class) >= threshold)
    ? EXIT.findings
    : EXIT.ok;
}
