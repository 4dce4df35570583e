import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySample, run } from '../helpers/cli.js';
import { writeTree } from '../helpers/tree.js';

const AS_OF = ['--as-of', '2026-11-21'];

describe('the audit folder is found upward from the current folder, as git finds its repository', () => {
  const sample = copySample();

  it('from allowlists/ and from a folder two levels down', () => {
    const here = run(['validate'], { cwd: sample });
    expect(here.code).toBe(0);
    for (const sub of ['allowlists', join('examples', 'chapter-x')]) {
      const r = run(['validate'], { cwd: join(sample, sub) });
      expect(r).toMatchObject({ code: 0, stdout: here.stdout, stderr: here.stderr });
    }
    const audit = run(['audit', ...AS_OF, '--no-save', '--format', 'json'], {
      cwd: join(sample, 'allowlists'),
    });
    expect(audit.code).toBe(1);
    expect(JSON.parse(audit.stdout).summary.following).toBe(30);
  });

  it('for the members commands and plan too', () => {
    const check = run(['check', 'x:ExampleMetroReporter', '--format', 'json', ...AS_OF], {
      cwd: join(sample, 'policy'),
    });
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).verdict).toBe('exception-expiring');
    const plan = run(['plan', '--format', 'json', ...AS_OF], { cwd: join(sample, 'allowlists') });
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout).accounts.length).toBe(6);
  });

  it('says so plainly, exit 2, when no folder above has policy/policy.yaml', async () => {
    const empty = await writeTree({ 'notes.txt': 'nothing here\n' });
    mkdirSync(join(empty, 'deeper'));
    const r = run(['audit'], { cwd: join(empty, 'deeper') });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `follow-audit: no audit folder here: neither ${join(empty, 'deeper')} nor any folder above it has policy/policy.yaml. Run "follow-audit init" to start one in this folder, or pass -C <folder> to point at yours\n`,
    );
  });

  it('-C names the folder itself: it is not searched upward', () => {
    const r = run(['validate', '-C', 'allowlists'], { cwd: sample });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/policy\/policy\.yaml: not found in allowlists/);
  });
});
