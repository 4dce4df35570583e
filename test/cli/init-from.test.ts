// `init --from`: an account's current follows as a draft allowlist, and the account itself in
// policy.yaml, in a new folder or an existing one; never a file overwritten.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../helpers/cli.js';
import { blueskyCar, instagramZip, xArchive } from '../helpers/downloads.js';
import { fixture, zip } from '../helpers/exports.js';
import { writeTree } from '../helpers/tree.js';

const X = () =>
  xArchive({
    username: 'ExampleCityDSA',
    accountId: '1000000077',
    following: ['1000000001', '1000000022'],
    generated: '2026-11-20T10:00:00Z',
  });
const INSTAGRAM = () =>
  instagramZip({
    username: 'examplecitydsa',
    following: ['examplepartnerunion', 'lakesidedsa'],
    made: new Date('2026-11-19'),
  });

const read = (dir: string, file: string) => readFile(join(dir, file), 'utf8');

describe('init --from', () => {
  it('in a new folder: a draft, the account wired in place of the template one, its list kept', async () => {
    const dir = await writeTree({ 'x.zip': X() });
    const org = join(dir, 'org');
    const r = run(['init', '-C', org, '--from', join(dir, 'x.zip')]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('allowlists/draft-x.yaml: 2 followed accounts for the committee to decide\n');
    expect(r.stdout).toContain('policy/policy.yaml: added chapter-x (X @ExampleCityDSA), source: import\n');
    const draft = parse(await read(org, 'allowlists/draft-x.yaml'));
    expect(draft.category).toBe('draft');
    expect(draft.entries).toEqual([
      { name: '1000000001', accounts: { x: { id: '1000000001' } }, note: 'to decide' },
      { name: '1000000022', accounts: { x: { id: '1000000022' } }, note: 'to decide' },
    ]);
    const policy = await read(org, 'policy/policy.yaml');
    expect(parse(policy).accounts).toEqual([
      { name: 'chapter-x', platform: 'x', handle: 'ExampleCityDSA', id: '1000000077', source: 'import' },
    ]);
    expect(policy).toContain('  # One entry per official account.');
    expect(policy).not.toContain('handle: yourchapter\n');
    expect(await readdir(join(org, '.follow-audit/snapshots/chapter-x'))).toEqual(['2026-11-20.json']);
    expect(run(['validate', '-C', org]).code).toBe(0);
    const audit = run([
      'audit',
      '-C',
      org,
      '--offline',
      '--no-save',
      '--as-of',
      '2026-11-21',
      '--format',
      'json',
    ]);
    const report = JSON.parse(audit.stdout);
    expect(report.accounts[0]).toMatchObject({ name: 'chapter-x', complete: true, following: 2 });
    // Nothing the committee has not decided is allowed.
    expect(report.findings.map((f: { kind: string }) => f.kind)).toEqual([
      'category-not-allowed',
      'category-not-allowed',
    ]);
  });

  it('in an existing folder: adds a second platform, keeping every line and comment of policy.yaml', async () => {
    const dir = await writeTree({ 'x.zip': X(), 'instagram.zip': INSTAGRAM() });
    const org = join(dir, 'org');
    expect(run(['init', '-C', org, '--from', join(dir, 'x.zip'), '-q']).code).toBe(0);
    const before = await read(org, 'policy/policy.yaml');
    const r = run(['init', '-C', org, '--from', join(dir, 'instagram.zip')]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const after = await read(org, 'policy/policy.yaml');
    const block =
      '  - name: chapter-instagram\n    platform: instagram\n    handle: examplecitydsa\n    source: import\n';
    expect(after.replace(block, '')).toBe(before);
    expect(
      parse(after).accounts.map((a: { name: string; handle: string }) => `${a.name} ${a.handle}`),
    ).toEqual(['chapter-x ExampleCityDSA', 'chapter-instagram examplecitydsa']);
    // examplepartnerunion is on the template's coalition list already: it is not drafted again.
    expect(r.stdout).toContain(
      'allowlists/draft-instagram.yaml: 1 followed account for the committee to decide (1 more are on allowlists already)',
    );
    expect(parse(await read(org, 'allowlists/draft-instagram.yaml')).entries).toEqual([
      {
        name: 'lakesidedsa',
        accounts: { instagram: 'lakesidedsa' },
        note: 'to decide (followed since 2025-06-15)',
      },
    ]);
    expect(r.stdout).not.toMatch(/^Wrote /m);
    expect(run(['validate', '-C', org]).code).toBe(0);
  });

  it('the same account again: no second account and no file overwritten', async () => {
    const dir = await writeTree({ 'x.zip': X() });
    const org = join(dir, 'org');
    run(['init', '-C', org, '--from', join(dir, 'x.zip'), '-q']);
    const files = await readdir(join(org, 'allowlists'));
    const policy = await read(org, 'policy/policy.yaml');
    const r = run(['init', '-C', org, '--from', join(dir, 'x.zip')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'policy/policy.yaml: chapter-x already audits this X account; nothing to add to policy.yaml',
    );
    expect(r.stdout).toContain('No draft: all 2 followed accounts are on allowlists already');
    expect(await read(org, 'policy/policy.yaml')).toBe(policy);
    expect(await readdir(join(org, 'allowlists'))).toEqual(files);
  });

  it('a download kept inside the folder is its source; a download that names no handle says so', async () => {
    const org = await writeTree({ 'exports/repo.car': await blueskyCar(['did:plc:friend0000000000000a']) });
    const r = run(['init', '-C', org, '--from', join(org, 'exports/repo.car')]);
    expect(r.code).toBe(0);
    const policy = await read(org, 'policy/policy.yaml');
    expect(parse(policy).accounts).toEqual([
      {
        name: 'chapter-bluesky',
        platform: 'bluesky',
        handle: 'yourchapter',
        id: 'did:plc:examplecitydsa000000',
        source: 'exports/repo.car',
      },
    ]);
    expect(policy).toContain(
      "handle: yourchapter # the download does not say: write the account's handle here",
    );
    expect(r.stdout).toContain(
      'added chapter-bluesky (Bluesky handle not in the download: write it in), source: exports/repo.car',
    );
  });

  it('a folder whose policy has no allow: gets one that leaves the draft out', async () => {
    const dir = await writeTree({
      'x.zip': X(),
      'org/policy/policy.yaml':
        'organization: T\n# our accounts\naccounts:\n  - { name: ig, platform: instagram, handle: t, source: import }\n',
      'org/allowlists/dsa.yaml': 'category: dsa\nentries: []\n',
    });
    expect(run(['init', '-C', join(dir, 'org'), '--from', join(dir, 'x.zip'), '-q']).code).toBe(0);
    const policy = await read(join(dir, 'org'), 'policy/policy.yaml');
    expect(policy).toContain(
      '# our accounts\naccounts:\n  - { name: ig, platform: instagram, handle: t, source: import }\n',
    );
    expect(parse(policy).allow).toEqual(['dsa']);
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
    await expect(readdir(join(dir, 'org'))).rejects.toThrow();
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
    const draft = parse(await read(join(dir, 'org'), 'allowlists/draft-threads.yaml'));
    expect(draft.entries.map((e: { accounts: object }) => e.accounts)).toEqual([
      { threads: 'examplethreadsfriend' },
    ]);
  });

  it('writes nothing from a damaged export', async () => {
    const dir = await writeTree({ 'following.json': '{"relationships_following": [ {"title": "exa' });
    const r = run(['init', '-C', join(dir, 'org'), '--from', join(dir, 'following.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/but it ends before its JSON does: the download is truncated/);
    await expect(readdir(join(dir, 'org'))).rejects.toThrow();
  });
});
