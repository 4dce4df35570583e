import { describe, expect, it } from 'vitest';
import { exitCodeFor, type FailOn } from '../../src/core/exit-code.js';
import type { FindingKind } from '../../src/core/findings.js';
import type { Report } from '../../src/core/report.js';
import { findingOf } from '../helpers/findings.js';

function reportWith(kinds: FindingKind[], complete = true): Report {
  const subject = {
    account: 'chapter-x',
    platform: 'x' as const,
    target: { id: null, handle: 'a', name: null, url: null },
  };
  return {
    schemaVersion: 1,
    tool: { name: 'follow-audit', version: '0.0.0' },
    organization: 'Example',
    asOf: '2026-11-21',
    accounts: [
      {
        name: 'chapter-x',
        platform: 'x',
        handle: 'ExampleCityDSA',
        source: 'csv',
        complete,
        following: kinds.length,
        fetchedAt: null,
        listDate: null,
        error: complete ? null : 'the file is truncated',
        file: 'following.csv',
        line: 5,
        notes: [],
      },
    ],
    findings: kinds.map((k) => findingOf(k, subject, k)),
    summary: {
      following: 0,
      allowed: 0,
      violation: 0,
      lapsed: 0,
      warning: 0,
      unknown: 0,
      incompleteAccounts: complete ? 0 : 1,
    },
  };
}

describe('exitCodeFor', () => {
  const cases: [FindingKind[], FailOn, number][] = [
    [[], 'warning', 0],
    [['handle-changed'], 'warning', 1],
    [['handle-changed'], 'lapsed', 0],
    [['endorsement-lapsed'], 'lapsed', 1],
    [['endorsement-lapsed'], 'violation', 0],
    [['not-allowed'], 'violation', 1],
    [['not-allowed'], 'never', 0],
  ];
  it.each(cases)('%j with --fail-on %s exits %i', (kinds, failOn, code) => {
    expect(exitCodeFor(reportWith(kinds), failOn)).toBe(code);
  });

  it('exits 3 for a follow it could not identify, whatever --fail-on says', () => {
    for (const failOn of ['warning', 'violation', 'never'] as const)
      expect(exitCodeFor(reportWith(['unidentified']), failOn)).toBe(3);
  });

  it('exits 3 for an incomplete list whatever --fail-on and the findings say', () => {
    for (const failOn of ['warning', 'violation', 'never'] as const) {
      expect(exitCodeFor(reportWith(['not-allowed'], false), failOn)).toBe(3);
      expect(exitCodeFor(reportWith([], false), failOn)).toBe(3);
    }
  });
});
