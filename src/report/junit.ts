import { FINDING_KINDS, targetLabel } from '../core/findings.js';
import { escapeXml as x } from '../util/text.js';
import type { Reporter } from './types.js';

/** One test suite per audited account, one test case per finding (warnings as skipped). */
export const junit: Reporter = (report) => {
  const suites = report.accounts.map((a) => {
    const findings = report.findings.filter((f) => f.account === a.name);
    const failures = findings.filter((f) => f.class !== 'warning').length;
    const cases = findings.map((f) => {
      const name = x(`${targetLabel(f.target)} ${f.kind}`);
      const body =
        f.class === 'warning'
          ? `<skipped message="${x(f.message)}"/>`
          : `<failure type="${f.kind}" message="${x(f.message)}">${x(FINDING_KINDS[f.kind].title)}</failure>`;
      return `    <testcase classname="${x(a.name)}" name="${name}">${body}</testcase>`;
    });
    if (!a.complete) {
      cases.unshift(
        `    <testcase classname="${x(a.name)}" name="following list"><error message="${x(a.error ?? 'incomplete')}"/></testcase>`,
      );
    }
    const errors = a.complete ? 0 : 1;
    return [
      `  <testsuite name="${x(a.name)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${findings.length - failures}">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="follow-audit">\n${suites.join('\n')}\n</testsuites>\n`;
};
