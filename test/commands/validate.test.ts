import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { writeTree } from '../helpers/tree.js';

const BROKEN = {
  'policy/policy.yaml':
    'organization: T\ncontact: t@example.org\naccounts:\n  - name: a\n    platform: x\n    handle: h\n    source: l.csv\n    colour: red\n',
  'allowlists/a.yaml':
    'category: dsa\nentries:\n  - name: E\n    accounts: { x: e }\n    decided: 2026-13-01\n',
};

describe('validate --format json and github (SPEC §7)', () => {
  it('json: every problem as data, on standard output, exit 2', async () => {
    const dir = await writeTree(BROKEN);
    const r = run(['validate', '-C', dir, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      schemaVersion: 1,
      valid: false,
      problems: [
        {
          severity: 'error',
          file: 'policy/policy.yaml',
          line: 8,
          column: 5,
          message: 'accounts: unknown key "colour": remove it or check the spelling',
        },
        {
          severity: 'error',
          file: 'allowlists/a.yaml',
          line: 5,
          column: 14,
          message: 'entries.decided: "2026-13-01" is not a date (YYYY-MM-DD)',
        },
      ],
      checked: null,
    });
  });

  it('json: what was checked when there is no problem, exit 0', () => {
    const r = run(['validate', '--format', 'json']);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v.valid).toBe(true);
    expect(v.checked).toMatchObject({ accounts: 6, exceptions: 4 });
    expect(v.checked.categories.map((c: { name: string }) => c.name)).toEqual([
      'coalition',
      'dsa',
      'endorsed',
      'labor-partners',
    ]);
  });

  it('github: an annotation per problem at its line, with the path from the working directory', async () => {
    const dir = await writeTree(BROKEN);
    const r = run(['validate', '-C', basename(dir), '--format', 'github'], { cwd: dirname(dir) });
    expect(r.code).toBe(2);
    const name = basename(dir);
    expect(r.stdout.split('\n')).toEqual([
      `::error file=${name}/policy/policy.yaml,line=8,col=5,title=follow-audit%3A configuration problem::accounts: unknown key "colour": remove it or check the spelling`,
      `::error file=${name}/allowlists/a.yaml,line=5,col=14,title=follow-audit%3A configuration problem::entries.decided: "2026-13-01" is not a date (YYYY-MM-DD)`,
      '::notice title=follow-audit validate::2 problems to fix: nothing can be audited until then',
      '',
    ]);
  });

  it('github: a problem of a whole file has no line; a clean folder gets one notice', async () => {
    const dir = await writeTree({ 'allowlists/a.yaml': 'category: dsa\n' });
    const r = run(['validate', '-C', dir, '--format', 'github'], { cwd: dir });
    expect(r.stdout).toMatch(
      /^::error file=policy\/policy.yaml,title=follow-audit%3A configuration problem::not found in /,
    );
    const clean = run(['validate', '--format', 'github']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/^::notice title=follow-audit validate::No problems found/m);
  });

  it('text: the problems on standard error as every command reports them, exit 2', async () => {
    const dir = await writeTree(BROKEN);
    const r = run(['validate', '-C', dir]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(
      'follow-audit: 2 problems in the configuration; nothing was audited.\n' +
        '  policy/policy.yaml:8:5 accounts: unknown key "colour": remove it or check the spelling\n' +
        '  allowlists/a.yaml:5:14 entries.decided: "2026-13-01" is not a date (YYYY-MM-DD)\n',
    );
  });
});
