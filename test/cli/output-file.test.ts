import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { writeTree } from '../helpers/tree.js';

const AS_OF = ['--as-of', '2026-11-21'];

describe('-o says on the terminal where the output went, in one line', () => {
  it('audit: the file and the verdict, on standard error; nothing on standard output', async () => {
    const dir = await writeTree({});
    const file = join(dir, 'report.md');
    const r = run(['audit', ...AS_OF, '--no-save', '--format', 'markdown', '-o', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `Report written to ${file}. ACTION NEEDED: 6 follows to end, 6 decisions pending (30 follows audited, 24 allowed)\n`,
    );
    expect(await readFile(file, 'utf8')).toMatch(/^# Example City DSA/);
  });

  it('names every file, and keeps standard output for the format that goes there', async () => {
    const dir = await writeTree({});
    const junit = join(dir, 'junit.xml');
    const r = run(['audit', ...AS_OF, '--no-save', '--format', 'json', '--format', `junit:${junit}`]);
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^Report written to ${junit}\\. ACTION NEEDED: `));
    expect(r.stderr.split('\n')).toHaveLength(2);
  });

  it('is silent with -q, and when the output is standard output', async () => {
    const dir = await writeTree({});
    expect(run(['audit', ...AS_OF, '--no-save', '-q', '-o', join(dir, 'r.txt')]).stderr).toBe('');
    expect(run(['audit', ...AS_OF, '--no-save', '-o', '-']).stderr).toBe('');
  });

  it('check, checklist and plan say it too', async () => {
    const dir = await writeTree({});
    const check = run(['check', 'x:ExampleMetroReporter', ...AS_OF, '-o', join(dir, 'c.md')]);
    expect(check).toMatchObject({ code: 0, stdout: '' });
    expect(check.stderr).toBe(
      `Checklist written to ${join(dir, 'c.md')}. @examplemetroreporter on X: Exception ending soon.\n`,
    );
    const page = run(['checklist', '--format', 'html', ...AS_OF, '-o', join(dir, 'members.html')]);
    expect(page.stderr).toBe(
      `Members' page written to ${join(dir, 'members.html')}. Open it, or send it to members.\n`,
    );
    const plan = run(['plan', ...AS_OF, '--format', `json:${join(dir, 'plan.json')}`]);
    expect(plan.stderr).toBe(
      `Plan written to ${join(dir, 'plan.json')}. Follow audit 2026-11: 6 accounts, next audit 2026-12-21.\n`,
    );
  });
});
