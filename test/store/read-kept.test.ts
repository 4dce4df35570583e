// The files a run keeps and a later run reads back (saved reports, snapshots, X's resume point)
// are checked by hand, without zod: what each accepts, gives and refuses.
import { describe, expect, it } from 'vitest';
import { readXState } from '../../src/platforms/x/resume.js';
import { isSavedReport } from '../../src/store/saved-report.js';
import { parseSnapshot } from '../../src/store/snapshots.js';
import { run } from '../helpers/cli.js';

// The sample's report, as the changes below treat it.
// biome-ignore lint/suspicious/noExplicitAny: a test reshapes parsed JSON freely
type Sample = any;

describe('a saved report', () => {
  const report = JSON.parse(
    run(['audit', '--offline', '--as-of', '2026-11-21', '--format', 'json', '--no-save']).stdout,
  );

  it("is this version's own report", () => {
    expect(isSavedReport(report)).toBe(true);
    expect(isSavedReport({ ...report, follows: { 'chapter-x': [{ id: '1' }, { handle: 'a' }] } })).toBe(true);
  });

  it.each([
    ['another schema version', (r: Record<string, unknown>) => ({ ...r, schemaVersion: 2 })],
    ['no asOf', ({ asOf, ...r }: Record<string, unknown>) => r],
    ['an unknown platform', (r: Sample) => ({ ...r, accounts: [{ ...r.accounts[0], platform: 'myspace' }] })],
    ['an unknown finding kind', (r: Sample) => ({ ...r, findings: [{ ...r.findings[0], kind: 'odd' }] })],
    ['a target without its fields', (r: Sample) => ({ ...r, findings: [{ ...r.findings[0], target: {} }] })],
    ['follows of another shape', (r: Sample) => ({ ...r, follows: { a: { id: [], handle: [] } } })],
    ['a follow key with an unknown field', (r: Sample) => ({ ...r, follows: { a: [{ url: 'x' }] } })],
  ])('is not one with %s', (_, change) => {
    expect(isSavedReport(change(structuredClone(report)))).toBe(false);
  });
});

describe('a snapshot', () => {
  const base = {
    schemaVersion: 1,
    platform: 'x',
    account: 'chapter-x',
    handle: 'SampleChapter',
    fetchedAt: '2026-11-21T10:00:00.000Z',
    complete: true,
  };

  it('keeps its known fields in their order, fills a follow in, and leaves unknown fields out', () => {
    const snapshot = parseSnapshot({ extra: 1, ...base, accountId: null, following: [{ id: '1', zzz: 2 }] });
    expect(Object.keys(snapshot)).toEqual([
      'schemaVersion',
      'platform',
      'account',
      'handle',
      'accountId',
      'fetchedAt',
      'complete',
      'following',
    ]);
    expect(snapshot.following).toEqual([{ id: '1', handle: null, name: null, url: null, followedAt: null }]);
  });

  it.each([
    [{ ...base, platform: 'myspace', following: [] }, 'platform: expected one of x, bluesky'],
    [{ ...base, complete: 'yes', following: [] }, 'complete: expected true or false'],
    [{ ...base, following: [{ id: 1 }] }, 'following.0.id: expected text or null'],
    [{ ...base, handle: 7, following: [] }, 'handle: expected text'],
    [{ ...base }, 'following: expected a list'],
  ])('names what is wrong: %j', (value, message) => {
    expect(() => parseSnapshot(value)).toThrow(`not a valid follow-audit snapshot (${message}`);
  });
});

describe("X's resume point", () => {
  it('is the token and the follows fetched, their other fields left out', () => {
    const follow = { id: '1000000001', handle: 'sample', name: null, url: null };
    expect(readXState({ token: 'next', following: [{ ...follow, extra: 1 }], more: 2 })).toEqual({
      token: 'next',
      following: [follow],
    });
  });

  it.each([
    { token: '', following: [] },
    { token: 't' },
    { token: 't', following: [{ id: 1, handle: null, name: null, url: null }] },
    { token: 't', following: [{ id: '1', name: null, url: null }] },
    null,
  ])('is not %j', (value) => expect(readXState(value)).toBeNull());
});
