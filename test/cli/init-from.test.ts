// `init --from`: an allowlist draft of an account's current follows, from its export.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../helpers/cli.js';
import { fixture, zip } from '../helpers/exports.js';
import { writeTree } from '../helpers/tree.js';

describe('init --from', () => {
  it('drafts every follow of an X archive for the committee, and the folder validates', async () => {
    const dir = await writeTree({ 'x.zip': zip({ 'data/following.js': await fixture('x/following.js') }) });
    const r = run(['init', '-C', join(dir, 'org'), '--from', join(dir, 'x.zip')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const draft = parse(await readFile(join(dir, 'org/allowlists/draft.yaml'), 'utf8'));
    expect(draft.category).toBe('draft');
    expect(draft.entries).toEqual([
      { name: '1000000001', accounts: { x: { id: '1000000001' } }, note: 'to decide' },
      { name: '1000000022', accounts: { x: { id: '1000000022' } }, note: 'to decide' },
    ]);
    expect(run(['validate', '-C', join(dir, 'org')]).code).toBe(0);
  });

  it('asks for --platform when one download holds two platforms’ lists', async () => {
    const archive = zip({
      'connections/followers_and_following/following.json': await fixture('instagram/older/following.json'),
      'your_instagram_activity/threads/following.json': await fixture('threads/following.json'),
    });
    const dir = await writeTree({ 'meta.zip': archive });
    const r = run(['init', '-C', join(dir, 'org'), '--from', join(dir, 'meta.zip')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/following lists of Instagram and Threads: add --platform instagram/);
    const ok = run([
      'init',
      '-C',
      join(dir, 'org'),
      '--from',
      join(dir, 'meta.zip'),
      '--platform',
      'threads',
    ]);
    expect(ok.code).toBe(0);
    const draft = parse(await readFile(join(dir, 'org/allowlists/draft.yaml'), 'utf8'));
    expect(draft.entries.map((e: { accounts: object }) => e.accounts)).toEqual([
      { threads: 'examplethreadsfriend' },
    ]);
  });

  it('writes nothing from a damaged export', async () => {
    const dir = await writeTree({ 'following.json': '{"relationships_following": [ {"title": "exa' });
    const r = run(['init', '-C', join(dir, 'org'), '--from', join(dir, 'following.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/but it ends before its JSON does: the download is truncated/);
    await expect(readFile(join(dir, 'org/policy/policy.yaml'))).rejects.toThrow();
  });
});
