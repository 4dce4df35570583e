import { refOf } from '../core/changes.js';
import { FINDING_KINDS, type Finding, findingTarget, lookAlikeOf } from '../core/findings.js';
import { accountKey, MultiMap } from '../core/identity.js';
import type { AccountResult, Report } from '../core/report.js';
import { escapeXml as x } from '../util/text.js';
import { locate } from './sections.js';
import { sharedFrom } from './shared-lists.js';
import type { Reporter } from './types.js';

interface Suite {
  name: string;
  cases: string[];
  failures: number;
  errors: number;
  skipped: number;
}

/**
 * One test suite per audited account, one test case per followed account: a failure for a
 * violation or a lapsed endorsement, an error for a follow that could not be identified, skipped for a name-only match a person must confirm, the
 * other warnings as system-out. Follows the common JUnit XML schema (Jenkins' junit-10.xsd).
 */
export const junit: Reporter = (report) => {
  const suites = report.accounts.map((a) => accountSuite(report, a));
  const everyAccount = report.findings.filter((f) => f.account === '*');
  if (everyAccount.length) suites.push(findingSuite(report, 'exceptions for every account', everyAccount));
  if (report.notes?.length) suites.push(notKeptSuite(report.notes));
  const total = (k: 'failures' | 'errors') => suites.reduce((n, s) => n + s[k], 0);
  const tests = suites.reduce((n, s) => n + s.cases.length, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="follow-audit ${x(report.organization)} ${report.asOf}" tests="${tests}" failures="${total('failures')}" errors="${total('errors')}">`,
    ...suites.map(
      (s) =>
        `  <testsuite name="${x(s.name)}" tests="${s.cases.length}" failures="${s.failures}" errors="${s.errors}" skipped="${s.skipped}">\n${s.cases.join('\n')}\n  </testsuite>`,
    ),
    '</testsuites>',
    '',
  ].join('\n');
};

function accountSuite(report: Report, a: AccountResult): Suite {
  const findings = report.findings.filter((f) => f.account === a.name);
  if (!a.complete) {
    const error = `<error type="incomplete" message="${x(a.error ?? 'list incomplete')}">${x(`${a.name}: the following list could not be obtained completely, so it was not audited`)}</error>`;
    return {
      name: a.name,
      cases: [testcase(a.name, 'following list', [error])],
      failures: 0,
      errors: 1,
      skipped: 0,
    };
  }
  const follows = report.follows?.[a.name];
  if (!follows) return findingSuite(report, a.name, findings);
  const byTarget = new MultiMap<string, Finding>();
  for (const f of findings) byTarget.add(accountKey(f.platform, f.target), f);
  const suite = emptySuite(a.name);
  const told = new Set<string>();
  for (const k of follows) {
    const key = accountKey(a.platform, k);
    add(
      report,
      suite,
      findingTarget({
        target: refOf(k),
        platform: a.platform,
        looksLike: told.has(key) ? undefined : byTarget.get(key)?.map(lookAlikeOf).find(Boolean),
      }),
      told.has(key) ? [] : (byTarget.get(key) ?? []),
    );
    told.add(key);
  }
  for (const [key, rest] of byTarget.entries())
    if (!told.has(key)) add(report, suite, findingTarget(rest[0]!), rest);
  return suite;
}

function findingSuite(report: Report, name: string, findings: Finding[]): Suite {
  const suite = emptySuite(name);
  for (const f of findings) add(report, suite, findingTarget(f), [f]);
  return suite;
}

const emptySuite = (name: string): Suite => ({ name, cases: [], failures: 0, errors: 0, skipped: 0 });

function add(report: Report, suite: Suite, label: string, findings: readonly Finding[]): void {
  const body = findings.map((f) => {
    const at = locate(report, f);
    const detail = x(`${FINDING_KINDS[f.kind].title}: ${f.message} (${at.file}:${at.line}${sharedFrom(at)})`);
    // Not a failure of the policy but of the audit, which could not tell: an error, as for an incomplete list.
    if (f.class === 'unknown') return `<error type="${f.kind}" message="${x(f.message)}">${detail}</error>`;
    if (f.class !== 'warning')
      return `<failure type="${f.kind}" message="${x(f.message)}">${detail}</failure>`;
    if (f.kind === 'name-only-match') return `<skipped message="${x(f.message)}"/>`;
    return `<system-out>${detail}</system-out>`;
  });
  if (findings.some((f) => f.class === 'unknown')) suite.errors++;
  else if (findings.some((f) => f.class !== 'warning')) suite.failures++;
  else if (findings.some((f) => f.kind === 'name-only-match')) suite.skipped++;
  suite.cases.push(testcase(suite.name, label, body));
}

/** What the run could not keep: told, as output of a passing case, since the audit itself is whole. */
function notKeptSuite(notes: string[]): Suite {
  const body = notes.map((n) => `<system-out>${x(n)}</system-out>`);
  return { ...emptySuite('follow-audit'), cases: [testcase('follow-audit', 'files kept', body)] };
}

function testcase(classname: string, name: string, body: string[]): string {
  const open = `    <testcase classname="${x(classname)}" name="${x(name)}"`;
  return body.length ? `${open}>${body.join('')}</testcase>` : `${open}/>`;
}
