import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { writeTree } from '../helpers/tree.js';

const AS_OF = ['--as-of', '2026-11-21'];

describe('follow-audit on the command line', () => {
  it('prints its version and help with examples', () => {
    expect(run(['--version'])).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    const help = run(['audit', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Examples:\n {2}follow-audit audit/);
    expect(help.stdout).toMatch(/--fail-on <class>/);
  });

  it('renders the sample as a table that fits 80 columns, without colour', async () => {
    const r = run(['audit', ...AS_OF, '--no-save']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/\u001b/);
    // Only a word longer than the line (a path, a link) may pass the width: it is never cut.
    const wide = r.stdout.split('\n').filter((l) => [...l].length > 80);
    expect(wide.every((l) => !l.trim().includes(' '))).toBe(true);
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/sample-table.txt');
  });

  it('links profiles as terminal hyperlinks only on standard output, never in a file', async () => {
    const env = { NO_COLOR: '', FORCE_COLOR: '1', FORCE_HYPERLINK: '1' };
    const shown = run(['audit', ...AS_OF, '--no-save'], { env });
    expect(shown.stdout).toContain(
      '\u001b]8;;https://x.com/PunditExample\u001b\\@PunditExample\u001b]8;;\u001b\\ on X',
    );
    const dir = await writeTree({});
    run(['audit', ...AS_OF, '--no-save', '-o', join(dir, 'report.txt')], { env });
    const file = await readFile(join(dir, 'report.txt'), 'utf8');
    expect(file).not.toMatch(/\u001b/);
    expect(file).toContain('\n    https://x.com/PunditExample\n');
  });

  it('writes the documented JSON report with deterministic content', () => {
    const a = run(['audit', ...AS_OF, '--format', 'json']);
    const b = run(['audit', ...AS_OF, '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
    const report = JSON.parse(a.stdout);
    expect(report).toMatchObject({ schemaVersion: 1, tool: { name: 'follow-audit' }, asOf: '2026-11-21' });
    expect(report.summary).toEqual({
      following: 30,
      allowed: 24,
      violation: 4,
      lapsed: 2,
      warning: 6,
      unknown: 0,
      incompleteAccounts: 0,
    });
    expect(report.findings[0]).toEqual({
      kind: 'exception-expired',
      class: 'violation',
      account: 'chapter-instagram',
      platform: 'instagram',
      target: {
        id: null,
        handle: 'examplepressdesk',
        name: null,
        url: 'https://www.instagram.com/examplepressdesk/',
      },
      entry: null,
      exception: {
        follows: 'https://www.instagram.com/examplepressdesk/',
        expires: '2026-11-10',
        file: 'policy/policy.yaml',
        line: 53,
      },
      since: '2026-11-11',
      expires: '2026-11-10',
      message: 'The exception letting chapter-instagram follow @examplepressdesk ended on 2026-11-10',
    });
  });

  it('exits by --fail-on', () => {
    expect(run(['audit', ...AS_OF, '--fail-on', 'never', '-q']).code).toBe(0);
    expect(run(['audit', ...AS_OF, '--fail-on', 'violation', '-q']).code).toBe(1);
    expect(run(['audit', ...AS_OF, '--account', 'labor-circle-x']).code).toBe(0);
    expect(run(['audit', ...AS_OF, '--platform', 'facebook', '--fail-on', 'warning']).code).toBe(1);
  });

  it('writes to -o and several formats at once', async () => {
    const dir = await writeTree({});
    const r = run([
      'audit',
      ...AS_OF,
      '--format',
      'json',
      '-o',
      join(dir, 'r.json'),
      '--format',
      `junit:${join(dir, 'j.xml')}`,
    ]);
    expect(r.code).toBe(1);
    expect(JSON.parse(await readFile(join(dir, 'r.json'), 'utf8')).schemaVersion).toBe(1);
    expect(await readFile(join(dir, 'j.xml'), 'utf8')).toMatch(/^<\?xml/);
  });

  const usage: [string, string[], RegExp][] = [
    [
      'a bad date',
      ['audit', '--as-of', '2026-02-30'],
      /--as-of "2026-02-30" is not a date: write it as YYYY-MM-DD/,
    ],
    [
      'an unknown account',
      ['audit', '--account', 'nope'],
      /no account is named "nope" in policy.yaml \(accounts: chapter-x/,
    ],
    ['an unknown platform', ['audit', '--platform', 'myspace'], /unknown platform "myspace"/],
    [
      'an unknown format',
      ['audit', '--format', 'pdf'],
      /audit writes table, json, markdown, junit, github \(optionally format:path\)/,
    ],
    ['an unknown command', ['audti'], /unknown command 'audti'/],
    [
      'a folder without a policy',
      ['audit', '-C', '/nonexistent-folder'],
      /policy\/policy\.yaml: not found in \/nonexistent-folder/,
    ],
    ['a bad reference', ['check', 'SomeReporterNobodyKnows'], /Choose its platform/],
  ];
  for (const [title, args, message] of usage) {
    it(`exits 2 on ${title}, with one clear line and no stack trace`, () => {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    });
  }

  it('reports configuration problems with file:line:col and exit 2', async () => {
    const dir = await writeTree({
      'policy/policy.yaml':
        'organization: T\naccounts:\n  - name: a\n    platform: x\n    handle: h\n    source: l.csv\n    colour: red\n',
      'allowlists/a.yaml': 'category: dsa\nentries: []\n',
    });
    const r = run(['validate', '-C', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'follow-audit: 1 problem in the configuration; nothing was audited.\n  policy/policy.yaml:7:5 accounts: unknown key "colour": remove it or check the spelling\n',
    );
  });

  it('audits the other accounts and exits 3 when one list cannot be read', async () => {
    const dir = await writeTree({
      'policy/policy.yaml':
        'organization: T\naccounts:\n  - { name: a, platform: x, handle: h, source: a.csv }\n  - { name: b, platform: x, handle: h, source: missing.csv }\n',
      'allowlists/a.yaml': 'category: dsa\nentries: []\n',
      'a.csv': 'handle\nsomeone\n',
    });
    const r = run(['audit', '-C', dir, ...AS_OF, '--format', 'json']);
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout);
    expect(report.accounts.map((a: { complete: boolean }) => a.complete)).toEqual([true, false]);
    expect(report.accounts[1].error).toMatch(/missing\.csv not found/);
    expect(report.findings.map((f: { kind: string }) => f.kind)).toEqual(['not-allowed']);
    expect(report.summary.incompleteAccounts).toBe(1);
  });

  it('starts a folder with init that validates, and refuses to overwrite it', async () => {
    const dir = await writeTree({});
    expect(run(['init', '-C', dir, '-q']).code).toBe(0);
    expect(run(['validate', '-C', dir])).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(await readFile(join(dir, 'schemas/policy.schema.json'), 'utf8')).type).toBe('object');
    const again = run(['init', '-C', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists, so this is an audit folder already: init wrote nothing/);
  });

  it('prints the JSON Schemas generated from the validators', () => {
    const r = run(['schema', 'allowlist']);
    const [entries, include] = JSON.parse(r.stdout).anyOf;
    // A list may also be written empty (null): `entries:` over commented-out examples.
    const [list, empty] = entries.properties.entries.anyOf;
    expect(empty).toEqual({ type: 'null' });
    expect(list.items.additionalProperties).toBe(false);
    expect(Object.keys(list.items.properties.accounts.properties)).toContain('bluesky');
    expect(include.required).toEqual(['include']);
    expect(Object.keys(include.properties)).toEqual(['include', 'sha256', 'updated', 'exclude']);
  });

  it('checks one account for a member, in JSON as docs/commands.md', () => {
    const r = run(['check', 'https://twitter.com/JaneExample4Council', ...AS_OF, '--format', 'json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({
      target: { handle: 'janeexample4council', url: 'https://x.com/janeexample4council' },
      platform: 'x',
      verdict: 'endorsement-lapsed',
      accounts: [
        { name: 'chapter-x', follows: true, verdict: 'endorsement-lapsed' },
        { name: 'labor-circle-x', follows: false, verdict: 'endorsement-lapsed' },
      ],
      matches: [{ name: 'Jane Example', category: 'endorsed', file: 'allowlists/endorsed.yaml', line: 5 }],
      contact: 'communications@example.org',
    });
  });
});
