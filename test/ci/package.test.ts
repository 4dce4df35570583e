// What `npm publish` would ship: the CLI, its build, the sample a new user audits, the licence
// and the README; never the tests, their fixtures or the benchmark.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { sha256 } from '../helpers/shared.js';

const sha256OfFile = (path: string) => sha256(readFileSync(join(ROOT, path), 'utf8'));

function packedFiles(): string[] {
  // The npm that runs the tests (npm test, npx vitest) sets npm_execpath; otherwise the one on PATH.
  const npm = process.env.npm_execpath;
  const args = ['pack', '--dry-run', '--json', '--ignore-scripts'];
  const r = npm?.endsWith('.js')
    ? spawnSync(process.execPath, [npm, ...args], { cwd: ROOT, encoding: 'utf8' })
    : spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
  expect(r.status, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
}

describe('the published package', () => {
  const files = packedFiles();

  it('ships the CLI, its build, the sample, LICENSE and README', () => {
    for (const path of [
      'package.json',
      'LICENSE',
      'README.md',
      'bin/follow-audit.js',
      'dist/cli.js',
      'dist/index.js',
      'dist/index.d.ts',
      'policy/policy.yaml',
      'allowlists/endorsed.yaml',
      'examples/chapter-x/following.csv',
      'examples/github-workflow.yml',
      'examples/shared/national-endorsements.yaml',
      `.follow-audit/shared/${sha256OfFile('examples/shared/national-endorsements.yaml')}.yaml`,
    ])
      expect(files).toContain(path);
  });

  it('leaves out tests, fixtures, the benchmark and the sources', () => {
    const unwanted = files.filter((f) =>
      /^(test|src|\.ci|\.github|node_modules)\/|^dist\/bench\/|fixtures|\.test\.|\.tgz$/.test(f),
    );
    expect(unwanted).toEqual([]);
  });
});
