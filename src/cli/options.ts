import { type Command, InvalidArgumentError, Option } from 'commander';
import { FAIL_ON, type FailOn } from '../core/exit-code.js';
import { sanitizeLine } from '../util/text.js';

// The options the commands share, each offered only by the commands that honour it
// (docs/commands.md), and what they become for obtaining lists.

export interface CommonOptions<F extends string = string> {
  config: string;
  asOf?: string;
  offline?: boolean;
  format: OutputSpec<F>[];
  output?: string;
  failOn: FailOn;
  maxWait: number;
  maxCost: number;
  color?: boolean;
  quiet?: boolean;
  account?: string[];
  platform?: string[];
  since?: string;
  save?: boolean;
}

export interface OutputSpec<F extends string = string> {
  format: F;
  path: string | null;
}

type Piece = (cmd: Command) => Command;

/** -C has no default: without it, the folder is found upward from here (cli.ts, preAction). */
export const folder: Piece = (cmd) =>
  cmd.option(
    '-C, --config <dir>',
    'the audit folder (default: this folder or the nearest one above it with policy/policy.yaml)',
  );

export const asOf: Piece = (cmd) =>
  cmd.option('--as-of <YYYY-MM-DD>', 'judge dates as of this day (default: today in the policy timezone)');

export const offline: Piece = (cmd) =>
  cmd.option('--offline', 'no network: export files and saved snapshots only');

/** --format, repeatable, each `format` or `format:path`; the first in `choices` is the default. */
export function formats(choices: readonly string[]): Piece {
  return (cmd) =>
    cmd.addOption(
      new Option(
        '--format <format>',
        `${choices.join('|')}, or format:path to write it to a file; repeat for several`,
      )
        .argParser((value: string, previous: OutputSpec[] | undefined) => {
          const [name, ...rest] = value.split(':');
          if (!choices.includes(name!))
            throw new InvalidArgumentError(
              `${cmd.name()} writes ${choices.join(', ')} (optionally format:path)`,
            );
          return [...(previous ?? []), { format: name!, path: rest.length ? rest.join(':') : null }];
        })
        .default([], choices[0]),
    );
}

/** One --format of a fixed set, for the members' commands, which write one document. */
export function format(choices: readonly string[]): Piece {
  return (cmd) =>
    cmd.addOption(new Option('--format <format>', 'output format').choices(choices).default(choices[0]));
}

export const output: Piece = (cmd) =>
  cmd.option('-o, --output <file>', 'write to this file instead of standard output');

export const failOn: Piece = (cmd) =>
  cmd.addOption(
    new Option('--fail-on <class>', 'lowest finding class that makes the exit code 1')
      .choices(FAIL_ON)
      .default('lapsed'),
  );

/** What a run on the paid or rate-limited APIs may cost in time and money. */
export const limits: Piece = (cmd) =>
  cmd
    .option(
      '--max-wait <seconds>',
      'longest wait on a rate limit before a list is reported incomplete',
      number,
      900,
    )
    .option('--max-cost <usd>', 'spending allowed on paid APIs in a non-interactive run', number, 0);

export const noColor: Piece = (cmd) => cmd.option('--no-color', 'no colours (also NO_COLOR)');

export const quiet =
  (what: string): Piece =>
  (cmd) =>
    cmd.option('-q, --quiet', what);

// Repeatable options have no default to show: "(default: [])" means nothing to a reader.
export const accounts: Piece = (cmd) =>
  cmd.option('--account <name>', 'only this account (repeatable)', collect);

export const platforms: Piece = (cmd) =>
  cmd.option('--platform <platform>', 'only accounts on this platform (repeatable)', collect);

/** Accepted, so scripts that pass it keep working, but not offered: the command never uses the network. */
export const offlineAccepted: Piece = (cmd) => cmd.addOption(new Option('--offline').hideHelp());

export function withOptions(cmd: Command, ...pieces: Piece[]): Command {
  return pieces.reduce((c, piece) => piece(c), cmd).exitOverride();
}

export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').filter(Boolean)];
}

export function number(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number of 0 or more');
  return n;
}

export function runtime(o: Partial<CommonOptions>) {
  const stderrTty = !!process.stderr.isTTY && !o.quiet;
  return {
    offline: !!o.offline,
    maxWaitSeconds: o.maxWait ?? 900,
    maxCostUsd: o.maxCost ?? 0,
    interactive: !!process.stdin.isTTY && !!process.stdout.isTTY && !process.env.CI,
    progress: stderrTty ? (m: string) => process.stderr.write(`\r\u001b[2K${sanitizeLine(m)}`) : () => {},
    confirm: ask,
  };
}

let asking: Promise<unknown> = Promise.resolve();

/** A yes/no question on the terminal, one at a time (lists are fetched in parallel). */
export function ask(question: string): Promise<boolean> {
  const answer = asking.then(async () => {
    const { createInterface } = await import('node:readline/promises');
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^y(es)?$/i.test((await rl.question(`\n${sanitizeLine(question)} [y/N] `)).trim());
    } finally {
      rl.close();
    }
  });
  asking = answer.catch(() => {});
  return answer;
}

/** The options of a command that writes one document (member checklists, update). */
export interface MemberOptions<F> {
  config: string;
  asOf?: string;
  format: F;
  output?: string;
  quiet?: boolean;
}
