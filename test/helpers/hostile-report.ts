import type { Changes } from '../../src/core/changes.js';
import type { Finding, FindingKind } from '../../src/core/findings.js';
import type { Report } from '../../src/core/report.js';
import type { AccountRef } from '../../src/model.js';
import { findingOf } from './findings.js';

/** Text that would steer a terminal, inject markup or break XML and workflow commands if printed raw. */
export const HOSTILE = [
  '\u001b[31mred\u001b[0m',
  '\u001b]8;;https://evil.example/\u0007click me\u001b]8;;\u0007',
  'bell\u0007',
  '[docs](https://evil.example/)',
  '<img src=x onerror=alert(1)><script>alert(1)</script>',
  '**bold** _em_ `code` $x^2$ | pipe # heading',
  'nul\u0000vt\u000bnonchar\uFFFEsurrogate\uD800',
  '\u202Eevil\u202C',
  'line\r\n::error::injected%0A',
  'a,b:c',
].join(' ');

const target = (handle: string | null, name: string | null, url: string | null = null): AccountRef => ({
  id: null,
  handle,
  name,
  url,
});

function finding(
  kind: FindingKind,
  account: string,
  t: AccountRef,
  parts: Parameters<typeof findingOf>[3] = {},
): Finding {
  return findingOf(kind, { account, platform: 'x', target: t }, `${HOSTILE} (${kind})`, parts);
}

const entry = { name: HOSTILE, category: 'endorsed', file: 'allowlists/endorsed.yaml', line: 7 };
const exception = { follows: HOSTILE, expires: '2026-12-01', file: 'policy/policy.yaml', line: 30 };

/** A report of every section, every remote string in it hostile. */
export function hostileReport(): Report {
  const bad = target(`evil${HOSTILE}`, HOSTILE, 'javascript:alert(1)');
  const findings: Finding[] = [
    finding('not-allowed', 'chapter-x', bad),
    finding('endorsement-lapsed', 'chapter-x', target('lapsedexample', HOSTILE), { entry }),
    finding('endorsement-expiring', 'chapter-x', target('expiringexample', null), { entry }),
    finding('exception-expiring', 'chapter-x', target('excepted', null), { exception }),
    finding('handle-changed', 'chapter-x', target('renamedexample', null), { entry }),
    finding('name-only-match', 'chapter-x', target(null, HOSTILE), { entry }),
    finding('exception-unused', '*', target(HOSTILE, null), { exception }),
  ];
  const changes: Changes = {
    since: { file: `.follow-audit/reports/${HOSTILE}.json`, asOf: '2026-10-21', savedAt: null },
    accounts: [
      {
        account: 'chapter-x',
        platform: 'x',
        notCompared: null,
        followed: [{ ...bad, finding: 'not-allowed' }],
        unfollowed: [target(HOSTILE, null, 'https://x.com/<script>')],
        newlyLapsed: [findings[1]!],
        resolved: [finding('not-allowed', 'chapter-x', target(HOSTILE, HOSTILE))],
      },
    ],
  };
  return {
    schemaVersion: 1,
    tool: { name: 'follow-audit', version: '0.0.0-test' },
    organization: `Example ${HOSTILE}`,
    asOf: '2026-11-21',
    accounts: [
      {
        name: 'chapter-x',
        platform: 'x',
        handle: 'ExampleCityDSA',
        source: 'snapshot',
        complete: true,
        following: 4,
        fetchedAt: '2026-11-20T08:00:00Z',
        listDate: '2026-11-20',
        error: null,
        file: `.follow-audit/snapshots/${HOSTILE}.json`,
        line: 12,
        notes: [HOSTILE],
      },
      {
        name: 'chapter-bluesky',
        platform: 'bluesky',
        handle: 'examplecitydsa.example.org',
        source: 'api',
        complete: false,
        following: 0,
        fetchedAt: null,
        listDate: null,
        error: HOSTILE,
        file: null,
        line: 20,
        notes: [],
      },
    ],
    findings,
    summary: {
      following: 4,
      allowed: 2,
      violation: 1,
      lapsed: 1,
      warning: 5,
      unknown: 0,
      incompleteAccounts: 1,
    },
    changes,
    follows: {
      'chapter-x': [
        { handle: `evil${HOSTILE}` },
        { handle: 'lapsedexample' },
        { handle: 'expiringexample' },
        { handle: 'excepted' },
        { handle: 'renamedexample' },
        { name: HOSTILE },
        { id: '1000000001', handle: 'ExampleLakesideDSA' },
      ],
    },
  };
}
