import { spawnSync } from 'node:child_process';
import { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { completion, SHELLS } from '../../src/commands/completion.js';
import { run } from '../helpers/cli.js';

/** What bash offers after typing `line` and pressing Tab, with the generated script loaded. */
function bashComplete(script: string, line: string): string[] {
  const words = line.split(' ');
  const r = spawnSync(
    'bash',
    [
      '-c',
      `${script}\nCOMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _follow_audit; printf '%s\\n' "\${COMPREPLY[@]}"`,
      'x',
      ...words,
    ],
    { encoding: 'utf8' },
  );
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('follow-audit completion', () => {
  const bash = run(['completion', 'bash']);

  it('bash: commands, their options and the values commander knows', () => {
    expect(bash.code).toBe(0);
    expect(bashComplete(bash.stdout, 'follow-audit a')).toEqual(['audit']);
    expect(bashComplete(bash.stdout, 'follow-audit audit --fail')).toEqual(['--fail-on']);
    expect(bashComplete(bash.stdout, 'follow-audit -C dir audit --fail-on v')).toEqual(['violation']);
    expect(bashComplete(bash.stdout, 'follow-audit check --format ')).toEqual(['markdown', 'json', 'text']);
    expect(bashComplete(bash.stdout, 'follow-audit schema ')).toEqual(
      expect.arrayContaining(['policy', 'allowlist']),
    );
    expect(bashComplete(bash.stdout, 'follow-audit init --t')).toEqual(['--tool']);
    expect(bashComplete(bash.stdout, 'follow-audit completion ')).toEqual(
      expect.arrayContaining([...SHELLS]),
    );
    // An option that takes a path leaves bash its own file completion.
    expect(bashComplete(bash.stdout, 'follow-audit audit -o ')).toEqual([]);
  });

  it('zsh and fish name every command and option the CLI has', () => {
    const zsh = run(['completion', 'zsh']).stdout;
    const fish = run(['completion', 'fish']).stdout;
    expect(zsh).toMatch(/^#compdef follow-audit\n/);
    for (const cmd of [
      'audit',
      'validate',
      'check',
      'checklist',
      'fetch',
      'diff',
      'resolve',
      'init',
      'schema',
    ]) {
      expect(zsh).toContain(`'${cmd}:`);
      expect(fish).toContain(`-n __fish_use_subcommand -a ${cmd} -d`);
    }
    expect(zsh).toContain("'--fail-on[lowest finding class that makes the exit code 1");
    expect(zsh).toContain(':value:(warning lapsed violation never)');
    expect(fish).toContain(
      "complete -c follow-audit -n '__fish_seen_subcommand_from audit' -l fail-on -x -a 'warning lapsed violation never'",
    );
    expect(fish).toContain(
      "complete -c follow-audit -n '__fish_seen_subcommand_from audit' -s C -l config -r -F",
    );
    for (const line of fish.split('\n').filter((l) => l && !l.startsWith('#')))
      expect(line).toMatch(
        /^complete -c follow-audit( -n ('[^']*'|\S+))?( -[a-zA-Z] ('([^']|'\\'')*'|\S+)| -[rFfx])*$/,
      );
  });

  it('is written from the definitions, so a new option completes with no other change', () => {
    const program = new Command('follow-audit');
    program
      .command('audit')
      .description('audit: every [account]')
      .addOption(new Option('--colour <when>', "it's new").choices(['auto', 'always']));
    for (const shell of SHELLS) expect(completion(program, shell)).toContain('colour');
    expect(bashComplete(completion(program, 'bash'), 'follow-audit audit --colour ')).toEqual([
      'auto',
      'always',
    ]);
    expect(completion(program, 'zsh')).toContain("'--colour[it'\\''s new]:value:(auto always)'");
    expect(completion(program, 'zsh')).toContain("'audit:audit\\: every \\[account\\]'");
  });

  it('refuses a shell it does not know, with the choices', () => {
    const r = run(['completion', 'powershell']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Allowed choices are bash, zsh, fish/);
  });
});
