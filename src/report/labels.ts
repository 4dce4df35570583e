import type { Finding, FindingClass } from '../core/findings.js';
import type { AccountResult } from '../core/report.js';
import { plural } from '../util/text.js';

export const CLASS_TITLES: Record<FindingClass, string> = {
  violation: 'Violations',
  lapsed: 'Lapsed endorsements',
  warning: 'Warnings',
};

export const CLASS_ORDER: readonly FindingClass[] = ['violation', 'lapsed', 'warning'];

export function groupByClass(findings: Finding[]): [FindingClass, Finding[]][] {
  return CLASS_ORDER.map(
    (c) => [c, findings.filter((f) => f.class === c)] as [FindingClass, Finding[]],
  ).filter(([, list]) => list.length > 0);
}

export function sourceLabel(a: AccountResult): string {
  return a.file ? `${a.source}: ${a.file}` : a.source;
}

export function summaryLine(s: { violation: number; lapsed: number; warning: number }): string {
  return `${plural(s.violation, 'violation')}, ${plural(s.lapsed, 'lapsed endorsement')}, ${plural(s.warning, 'warning')}`;
}
