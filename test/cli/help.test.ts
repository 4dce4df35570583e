import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';

// Every command's help offers the options it honours and no other, its own examples, and its
// own exit codes.
const COMMANDS: Record<string, { options: string[]; formats?: string; exits: RegExp }> = {
  audit: {
    options: [
      '--config',
      '--as-of',
      '--offline',
      '--format',
      '--output',
      '--fail-on',
      '--max-wait',
      '--max-cost',
      '--no-color',
      '--quiet',
      '--account',
      '--platform',
      '--since',
      '--no-save',
    ],
    formats: 'table|json|markdown|junit|github',
    exits: /0 no finding at or above --fail-on, 1 findings .* 3 some list/s,
  },
  validate: {
    options: ['--config', '--format', '--output', '--quiet'],
    formats: 'text|json|github',
    exits: /0 no problems \(warnings, such as template placeholders left in place, do not fail\), 2 at least/,
  },
  fetch: {
    options: ['--config', '--max-wait', '--max-cost', '--quiet', '--account', '--platform'],
    exits: /0 every list fetched completely and saved, 2 .* 3 some list could not be fetched/s,
  },
  diff: {
    options: ['--config', '--format', '--output', '--no-color', '--account', '--platform', '--from', '--to'],
    formats: 'table|json',
    exits: /0 compared, 2 .* 3 some account's changes may be partial/s,
  },
  resolve: {
    options: [
      '--config',
      '--format',
      '--output',
      '--max-wait',
      '--max-cost',
      '--quiet',
      '--platform',
      '--write',
    ],
    formats: 'text|json',
    exits: /0 every lookup answered, 2 .* 3 some platform's lookups failed/s,
  },
  check: {
    options: ['--config', '--as-of', '--format', '--output', '--quiet', '--platform'],
    exits: /^Exit codes: 0 answered, whatever the verdict, 2 a usage or configuration error/m,
  },
  checklist: {
    options: ['--config', '--as-of', '--format', '--output', '--quiet', '--include-audit'],
    exits: /^Exit codes: 0 written, 2 a usage/m,
  },
  import: {
    options: ['--config', '--quiet', '--account', '--as-of'],
    exits: /^Exit codes: 0 kept, 2 a file fits no account/m,
  },
  plan: {
    options: ['--config', '--format', '--output', '--no-color', '--quiet', '--as-of', '--until'],
    formats: 'markdown|json|table',
    exits: /^Exit codes: 0 planned, 2 a usage/m,
  },
  update: {
    options: [
      '--config',
      '--format',
      '--output',
      '--no-color',
      '--quiet',
      '--write',
      '--as-of',
      '--max-wait',
    ],
    exits: /^Exit codes: 0 nothing changed, 1 something changed/m,
  },
  init: {
    options: ['--config', '--organization', '--contact', '--from', '--platform', '--tool', '--quiet'],
    exits: /^Exit codes: 0 written, 2 a usage/m,
  },
  schema: { options: ['--output'], exits: /^Exit codes: 0 written, 2 a usage/m },
  completion: { options: [], exits: /^Exit codes: 0 written, 2 an unknown shell/m },
};

const optionsOf = (help: string) =>
  [...help.slice(help.indexOf('Options:'), help.indexOf('Examples:')).matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)]
    .map((m) => m[1])
    .filter((o) => o !== '--help');

describe('each command has help of its own', () => {
  for (const [name, want] of Object.entries(COMMANDS)) {
    it(`${name} --help`, () => {
      const r = run([name, '--help']);
      expect(r.code).toBe(0);
      expect(optionsOf(r.stdout).sort()).toEqual([...want.options].sort());
      const examples = r.stdout.slice(r.stdout.indexOf('Examples:\n') + 10).split('\n\n')[0]!;
      const commands = examples.split('\n').filter((l) => /^ {2}\S/.test(l));
      expect(commands.length).toBeGreaterThanOrEqual(2);
      for (const line of commands) expect(line).toMatch(new RegExp(`follow-audit ${name}\\b`));
      expect(r.stdout.replace(/(\S)\n(?=\S)/g, '$1 ')).toMatch(want.exits);
      if (name !== 'audit') expect(r.stdout).not.toMatch(/--fail-on/);
      expect(r.stdout).not.toMatch(/default: \[\]/);
      if (want.formats) expect(r.stdout).toContain(`${want.formats}, or format:path`);
      for (const line of r.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(92);
    });
  }

  it('the overview lists every command and sends the reader to its own help', () => {
    const r = run(['--help']);
    for (const name of Object.keys(COMMANDS)) expect(r.stdout).toMatch(new RegExp(`^ {2}${name} `, 'm'));
    expect(r.stdout).toMatch(/Run "follow-audit <command> --help"/);
    expect(r.stdout).not.toMatch(/Exit codes/);
  });

  it('a format a command does not write is refused by name', () => {
    const r = run(['diff', '--format', 'markdown']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/diff writes table, json \(optionally format:path\)/);
    expect(run(['validate', '--format', 'junit']).stderr).toMatch(/validate writes text, json, github/);
  });

  it('options a command does not honour are refused, as commander refuses any unknown option', () => {
    for (const args of [
      ['validate', '--fail-on', 'lapsed'],
      ['check', 'x:a', '--max-cost', '3'],
      ['init', '--as-of', '2026-01-01'],
    ]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/unknown option/);
    }
  });
});
