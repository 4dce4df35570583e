import { type Command, InvalidArgumentError, Option } from 'commander';
import { FAIL_ON, type FailOn } from '../core/exit-code.js';
import { FORMATS, type Format } from '../report/formats.js';
import { sanitizeLine } from '../util/text.js';

// The options the commands share, and what they become for obtaining lists.

export interface CommonOptions {
  config: string;
  asOf?: string;
  offline?: boolean;
  format: OutputSpec[];
  output?: string;
  failOn: FailOn;
  maxWait: number;
  maxCost: number;
  color?: boolean;
  quiet?: boolean;
  account: string[];
  platform: string[];
  since?: string;
  save?: boolean;
}

export interface OutputSpec {
  format: Format;
  path: string | null;
}

export const EXAMPLES = `
Examples:
  follow-audit audit                          audit every account in this folder
  follow-audit audit -C ../chapter-config --as-of 2026-11-21
  follow-audit audit --account chapter-x --format json -o report.json
  follow-audit audit --format table --format junit:junit.xml --fail-on violation
  follow-audit validate                       check policy.yaml and the allowlists
  follow-audit check x:SomeHandle             a checklist about one followed account
  follow-audit check https://bsky.app/profile/someone.example.org --format json
  follow-audit fetch --max-cost 25            fetch the API lists and save snapshots
  follow-audit diff --from 2026-10-01         followed and unfollowed since a day
  follow-audit resolve --platform x --write   fill in missing X ids in the allowlists
  follow-audit checklist --format html -o members.html   a page members can open from disk

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or configuration error,
3 some following list could not be obtained completely.`;

/** -C has no default: without it, the folder is found upward from here (cli.ts, preAction). */
export const FOLDER_OPTION = [
  '-C, --config <dir>',
  'the audit folder (default: this folder or the nearest one above it with policy/policy.yaml)',
] as const;

export interface MemberOptions<F> {
  config: string;
  asOf?: string;
  format: F;
  output?: string;
  quiet?: boolean;
}

/** The options of the commands members run: they read saved lists only, never the network. */
export function memberCommand(cmd: Command, formats: readonly string[], fallback: string): Command {
  return cmd
    .option(...FOLDER_OPTION)
    .option('--as-of <YYYY-MM-DD>', 'judge dates as of this day (default: today in the policy timezone)')
    .option('--offline', 'accepted for symmetry: these commands never use the network')
    .addOption(new Option('--format <format>', 'output format').choices(formats).default(fallback))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('-q, --quiet', 'print nothing but the result')
    .addHelpText('after', EXAMPLES)
    .exitOverride();
}

/** The options every auditing command shares (docs/commands.md). */
export function common(cmd: Command): Command {
  return cmd
    .option(...FOLDER_OPTION)
    .option('--as-of <YYYY-MM-DD>', 'judge dates as of this day (default: today in the policy timezone)')
    .option('--offline', 'no network: export files and saved snapshots only')
    .addOption(
      new Option('--format <format>', `${FORMATS.join('|')}, or format:path; repeat for several`)
        .argParser(collectFormat)
        .default([], 'table'),
    )
    .option('-o, --output <file>', 'write the report to a file')
    .addOption(
      new Option('--fail-on <class>', 'lowest class that fails the run').choices(FAIL_ON).default('lapsed'),
    )
    .option(
      '--max-wait <seconds>',
      'longest wait on a rate limit before a list is reported incomplete',
      number,
      900,
    )
    .option('--max-cost <usd>', 'spending allowed on paid APIs in a non-interactive run', number, 0)
    .option('--no-color', 'no colours (also NO_COLOR)')
    .option('-q, --quiet', 'no progress or notes on standard error')
    .option('--account <name>', 'only this account (repeatable)', collect, [])
    .option('--platform <platform>', 'only accounts on this platform (repeatable)', collect, [])
    .addHelpText('after', EXAMPLES)
    .exitOverride();
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').filter(Boolean)];
}

export function collectFormat(value: string, previous: OutputSpec[]): OutputSpec[] {
  const [name, ...rest] = value.split(':');
  if (!(FORMATS as readonly string[]).includes(name!)) {
    throw new InvalidArgumentError(`use one of ${FORMATS.join(', ')} (optionally format:path)`);
  }
  return [...previous, { format: name as Format, path: rest.length ? rest.join(':') : null }];
}

export function number(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number of 0 or more');
  return n;
}

export function runtime(o: CommonOptions) {
  const stderrTty = !!process.stderr.isTTY && !o.quiet;
  return {
    offline: !!o.offline,
    maxWaitSeconds: o.maxWait,
    maxCostUsd: o.maxCost,
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
