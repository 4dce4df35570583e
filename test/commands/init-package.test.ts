// The audit folder's package.json pins follow-audit, so `npm ci && npx follow-audit …` runs the
// locked copy and never resolves the name when it runs.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.js';
import { run } from '../helpers/cli.js';
import { writeTree } from '../helpers/tree.js';

const manifest = async (dir: string) => JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));

describe('init writes a package.json that pins follow-audit', () => {
  it('by default: exactly this version from the registry, in a private package', async () => {
    const dir = await writeTree({});
    const r = run(['init', '-C', dir, '--organization', 'Example Town DSA']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  package.json\n');
    expect(r.stdout).toContain('commit package.json and package-lock.json');
    expect(await manifest(dir)).toEqual({
      name: 'example-town-dsa-follow-audit',
      private: true,
      description: 'Example Town DSA: policy, allowlists and audit trail for follow-audit',
      devDependencies: { 'follow-audit': VERSION },
    });
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toContain('node_modules/\n');
  });

  it('a tarball made by npm pack is copied into the folder, so it installs from there', async () => {
    const bytes = new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]);
    const src = await writeTree({ 'follow-audit-9.9.9.tgz': bytes });
    const dir = await writeTree({});
    const r = run(['init', '-C', dir, '-q', '--tool', join(src, 'follow-audit-9.9.9.tgz')]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect((await manifest(dir)).devDependencies).toEqual({
      'follow-audit': 'file:vendor/follow-audit-9.9.9.tgz',
    });
    expect(new Uint8Array(await readFile(join(dir, 'vendor/follow-audit-9.9.9.tgz')))).toEqual(bytes);
  });

  it('a git repository, pinned by tag or commit', async () => {
    const dir = await writeTree({});
    const spec = 'git+https://git.example.org/follow-audit.git#4f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c';
    expect(run(['init', '-C', dir, '-q', '--tool', spec]).code).toBe(0);
    expect((await manifest(dir)).devDependencies).toEqual({ 'follow-audit': spec });
  });

  it.each([
    ['^0.1.0', /give an exact version such as/],
    ['latest', /give an exact version such as/],
    ['github:example/follow-audit', /pin a tag or commit, e\.g\. github:example\/follow-audit#v/],
    ['git+https://git.example.org/follow-audit.git', /pin a tag or commit/],
    ['missing/follow-audit-0.1.0.tgz', /no such file \(make it with "npm pack"/],
  ])('refuses --tool %s, which would not pin one copy, and writes nothing', async (tool, message) => {
    const dir = await writeTree({});
    const r = run(['init', '-C', dir, '--tool', tool]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    await expect(readFile(join(dir, 'package.json'))).rejects.toThrow();
  });
});
