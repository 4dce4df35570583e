import { describe, expect, it } from 'vitest';
import { type Baseline, compareReports } from '../../src/core/changes.js';
import type { Finding, FindingKind } from '../../src/core/findings.js';
import { findingOf } from '../helpers/findings.js';

const finding = (kind: FindingKind, handle: string, account = 'chapter-x'): Finding =>
  findingOf(
    kind,
    { account, platform: 'x', target: { id: null, handle, name: null, url: null } },
    `${kind} ${handle}`,
  );

const accounts = [{ name: 'chapter-x', platform: 'x' as const, complete: true }];
const earlier = (findings: Finding[], follows: Baseline['follows'] = { 'chapter-x': [] }): Baseline => ({
  file: 'earlier.json',
  asOf: '2026-10-21',
  savedAt: null,
  accounts,
  findings,
  follows,
});

describe('compareReports', () => {
  it('an expiring endorsement that lapsed is newly lapsed, not resolved', () => {
    const c = compareReports(earlier([finding('endorsement-expiring', 'RosaExample')]), {
      accounts,
      findings: [finding('endorsement-lapsed', 'rosaexample')],
      follows: { 'chapter-x': [] },
    });
    expect(c.accounts[0]!.newlyLapsed.map((f) => f.kind)).toEqual(['endorsement-lapsed']);
    expect(c.accounts[0]!.resolved).toEqual([]);
  });

  it('a lapsed follow still lapsed is not new; a finding gone is resolved', () => {
    const c = compareReports(earlier([finding('endorsement-lapsed', 'a'), finding('handle-changed', 'b')]), {
      accounts,
      findings: [finding('endorsement-retracted', 'a')],
      follows: { 'chapter-x': [] },
    });
    expect(c.accounts[0]!.newlyLapsed).toEqual([]);
    expect(c.accounts[0]!.resolved.map((f) => `${f.kind} ${f.target.handle}`)).toEqual([
      'endorsement-lapsed a',
      'handle-changed b',
    ]);
  });

  it('follows match by id when both sides have one, else by handle, case-folded on X', () => {
    const c = compareReports(
      earlier([], {
        'chapter-x': [{ id: '1', handle: 'Old' }, { handle: 'Kept' }, { id: '3', handle: 'Reused' }],
      }),
      {
        accounts,
        findings: [],
        follows: {
          'chapter-x': [
            { id: '1', handle: 'Renamed' },
            { id: '2', handle: 'kept' },
            { id: '4', handle: 'Reused' },
          ],
        },
      },
    );
    const a = c.accounts[0]!;
    expect(a.followed.map((f) => f.handle)).toEqual(['Reused']);
    expect(a.unfollowed.map((f) => f.handle)).toEqual(['Reused']);
  });

  it('an account incomplete now or then, or absent then, is not compared', () => {
    const c = compareReports(
      {
        ...earlier([finding('not-allowed', 'z', 'gone')]),
        accounts: [...accounts, { name: 'gone', platform: 'x', complete: false }],
      },
      {
        accounts: [
          { ...accounts[0]!, complete: false },
          { name: 'gone', platform: 'x', complete: true },
          { name: 'new', platform: 'x', complete: true },
        ],
        findings: [],
        follows: {},
      },
    );
    expect(c.accounts.map((a) => a.notCompared)).toEqual([
      'its list is incomplete now',
      'its list was incomplete in the earlier report',
      'not in the earlier report',
    ]);
    expect(c.accounts.flatMap((a) => a.resolved)).toEqual([]);
  });

  it('an earlier report without follow lists still compares findings', () => {
    const c = compareReports(earlier([finding('not-allowed', 'z')], null), {
      accounts,
      findings: [],
      follows: { 'chapter-x': [{ handle: 'z' }] },
    });
    expect(c.accounts[0]!.notCompared).toBe('the earlier report keeps no follow lists');
    expect(c.accounts[0]!.resolved).toHaveLength(1);
  });
});
