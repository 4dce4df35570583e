import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { writeTree } from '../helpers/tree.js';

describe('validate warns about the examples init writes, left in place', () => {
  it('an untouched init: one warning per example, each at its line; exit 0', async () => {
    const dir = await writeTree({});
    run(['init', '-C', dir, '-q']);
    const r = run(['validate', '-C', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    const { valid, problems } = JSON.parse(r.stdout);
    expect(valid).toBe(true);
    const init = 'is the example "follow-audit init" writes';
    expect(
      problems.map(
        (p: { severity: string; file: string; line: number; message: string }) =>
          `${p.severity} ${p.file}:${p.line} ${p.message}`,
      ),
    ).toEqual([
      `warning policy/policy.yaml:4 organization: "Your Organization" ${init}: write your organization's name`,
      `warning policy/policy.yaml:5 contact: comms@your-organization.example ${init}: write the address where members should send their reports`,
      `warning policy/policy.yaml:17 accounts.handle: "yourchapter" ${init}: write the handle of chapter-instagram on Instagram`,
      `warning allowlists/coalition.yaml:6 "Example Partner Union" ${init}: replace it with an entry the organization decided, or delete it`,
      `warning allowlists/dsa.yaml:6 "Example Neighbor Chapter" ${init}: replace it with an entry the organization decided, or delete it`,
      `warning allowlists/endorsed.yaml:6 "Example Candidate" ${init}: replace it with an entry the organization decided, or delete it`,
    ]);
    const text = run(['validate', '-C', dir]);
    expect(text.stdout).toMatch(/^6 warnings:$/m);
    expect(text.stdout).toMatch(/No problems found, but see the warnings above\.\n$/);
  });

  it('the uncommented example exception too; none once the values are the organization’s own', async () => {
    const dir = await writeTree({});
    run([
      'init',
      '-C',
      dir,
      '-q',
      '--organization',
      'Springfield DSA',
      '--contact',
      'comms@springfield.example.org',
    ]);
    const policy = join(dir, 'policy/policy.yaml');
    const text = await readFile(policy, 'utf8');
    const [head, tail] = text.split('\nexceptions:\n');
    await writeFile(
      policy,
      `${head}\nexceptions:\n${tail!.replace(/^ {2}# /gm, '  ')}`.replace(
        'handle: yourchapter',
        'handle: springfielddsa',
      ),
    );
    const r = JSON.parse(run(['validate', '-C', dir, '--format', 'json']).stdout);
    expect(
      r.problems
        .filter((p: { file: string }) => p.file === 'policy/policy.yaml')
        .map((p: { message: string }) => p.message),
    ).toEqual([
      'exceptions.follows: instagram:somereporter is the example "follow-audit init" writes: write the account the exception is for, or delete the exception',
    ]);
  });

  it('the shipped sample has none', () => {
    const r = run(['validate', '--format', 'json']);
    expect(JSON.parse(r.stdout).problems).toEqual([]);
  });
});
