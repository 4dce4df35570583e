import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diff, diffLists } from '../../src/commands/diff.js';
import { diffTable } from '../../src/commands/diff-table.js';
import type { Followed } from '../../src/model.js';
import { run } from '../helpers/cli.js';
import { writeTree } from '../helpers/tree.js';
import { DSA_YAML } from '../helpers/x-tree.js';

const f = (id: string | null, handle: string | null, name: string | null = null): Followed => ({
  id,
  handle,
  name,
  url: null,
});

const october = [
  f('1', 'SampleKept'),
  f('2', 'SampleRenamedOld'), // same id, new handle later: not a change
  f(null, 'sample_handle_only'), // no id: matched by handle
  f('4', 'SampleDropped'),
  f('5', 'SampleReused'), // the handle later belongs to another id: both a drop and a follow
];
const november = [
  f('1', 'samplekept'),
  f('2', 'SampleRenamedNew'),
  f('3', 'Sample_Handle_Only'),
  f('6', 'SampleReused'),
  f('7', 'SampleNew', 'Sample New'),
];

const snapshot = (fetchedAt: string, following: Followed[], complete = true) =>
  JSON.stringify({
    schemaVersion: 1,
    platform: 'x',
    account: 'chapter-x',
    handle: 'ExampleCityDSA',
    fetchedAt,
    complete,
    following,
  });

function folder(extra: Record<string, string> = {}) {
  return writeTree({
    'policy/policy.yaml':
      'organization: Example\naccounts:\n  - { name: chapter-x, platform: x, handle: ExampleCityDSA }\n',
    'allowlists/dsa.yaml': DSA_YAML,
    '.follow-audit/snapshots/chapter-x/2026-09-01T08-00-00Z.json': snapshot('2026-09-01T08:00:00Z', []),
    '.follow-audit/snapshots/chapter-x/2026-10-01T08-00-00Z.json': snapshot('2026-10-01T08:00:00Z', october),
    '.follow-audit/snapshots/chapter-x/2026-11-01T08-00-00Z.json': snapshot('2026-11-01T08:00:00Z', november),
    ...extra,
  });
}

describe('diff', () => {
  it('lists exactly the follows added and removed, by id when both sides know it, else by handle', () => {
    const { followed, unfollowed } = diffLists('x', october, november);
    expect(followed.map((x) => x.handle)).toEqual(['SampleReused', 'SampleNew']);
    expect(unfollowed.map((x) => x.handle)).toEqual(['SampleDropped', 'SampleReused']);
  });

  it('compares the two newest snapshots by default', async () => {
    const result = await diff({ config: await folder() });
    const [d] = result.accounts;
    expect(d).toMatchObject({ complete: true, error: null });
    expect(d!.from!.fetchedAt).toBe('2026-10-01T08:00:00Z');
    expect(diffTable(result, false)).toBe(
      [
        'chapter-x (X) 2026-10-01T08:00:00Z → 2026-11-01T08:00:00Z: 2 followed, 2 unfollowed',
        '  + @SampleReused  (id 6)',
        '  + @SampleNew  (Sample New, id 7)',
        '  - @SampleDropped  (id 4)',
        '  - @SampleReused  (id 5)',
        '',
      ].join('\n'),
    );
  });

  it('shows a handle that only looks like an ASCII one with its code points, as the reports do', async () => {
    const result = await diff({ config: await folder() });
    const d = result.accounts[0]!;
    const lookAlike = {
      ...d,
      followed: [{ ...d.followed[0]!, handle: 'SampleRe\u0075sed\u212A', name: null }],
      unfollowed: [],
    };
    expect(diffTable({ ...result, accounts: [lookAlike] }, false)).toContain(
      '  + @SampleReused\\u212A  (id 6)',
    );
  });

  it('skips a newer incomplete snapshot by default, and takes days or files', async () => {
    const dir = await folder({
      '.follow-audit/snapshots/chapter-x/2026-11-20T08-00-00Z.json': snapshot(
        '2026-11-20T08:00:00Z',
        [],
        false,
      ),
    });
    const byDefault = (await diff({ config: dir })).accounts[0]!;
    expect(byDefault.to!.fetchedAt).toBe('2026-11-01T08:00:00Z');
    const byDay = (await diff({ config: dir, from: '2026-09-15', to: '2026-10-02' })).accounts[0]!;
    expect([byDay.from!.fetchedAt, byDay.to!.fetchedAt]).toEqual([
      '2026-09-01T08:00:00Z',
      '2026-10-01T08:00:00Z',
    ]);
    expect(byDay.followed).toHaveLength(5);
    const file = join(dir, '.follow-audit/snapshots/chapter-x/2026-11-20T08-00-00Z.json');
    const named = (await diff({ config: dir, to: file })).accounts[0]!;
    expect(named).toMatchObject({ complete: false, unfollowed: november });
    expect(named.error).toMatch(/incomplete/);
  });

  it('writes JSON and exits 3 when an account has nothing to compare', async () => {
    const dir = await writeTree({
      'policy/policy.yaml':
        'organization: Example\naccounts:\n  - { name: chapter-x, platform: x, handle: ExampleCityDSA }\n',
      'allowlists/dsa.yaml': DSA_YAML,
      '.follow-audit/snapshots/chapter-x/2026-10-01T08-00-00Z.json': snapshot(
        '2026-10-01T08:00:00Z',
        october,
      ),
    });
    const r = run(['diff', '-C', dir, '--format', 'json']);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout).accounts[0].error).toMatch(/needs two snapshots to compare, found 1/);
    const ok = run(['diff', '-C', await folder(), '--format', 'json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).accounts[0].followed).toHaveLength(2);
  });
});
