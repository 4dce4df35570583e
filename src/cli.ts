import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { audit, obtainOptions } from './audit.js';
import { check } from './commands/check.js';
import { CHECKLIST_FORMATS, type ChecklistFormat, checklist } from './commands/checklist.js';
import { init } from './commands/init.js';
import { jsonSchema, SCHEMAS, type SchemaName } from './commands/schema.js';
import { validate } from './commands/validate.js';
import { EXIT, exitCodeFor, FAIL_ON, type FailOn } from './core/exit-code.js';
import { ConfigError, formatProblem, SourceError, UsageError } from './errors.js';
import { checkJson, checkMarkdown, checkText } from './report/check.js';
import { FORMATS, type Format, reporters } from './report/registry.js';
import { colorWanted } from './util/color.js';
import { sanitizeLine } from './util/text.js';
import { VERSION } from './version.js';

interface CommonOptions {
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
}

interface OutputSpec {
  format: Format;
  path: string | null;
}

const EXAMPLES = `
Examples:
  follow-audit audit                          audit every account in this folder
  follow-audit audit -C ../chapter-config --as-of 2026-11-21
  follow-audit audit --account chapter-x --format json -o report.json
  follow-audit audit --format table --format junit:junit.xml --fail-on violation
  follow-audit validate                       check policy.yaml and the allowlists
  follow-audit check x:SomeHandle             a checklist about one followed account
  follow-audit check https://bsky.app/profile/someone.example.org --format json
  follow-audit checklist --format html -o members.html   a page members can open from disk

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or configuration error,
3 some following list could not be obtained completely.`;

export async function main(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv);
  } catch (error) {
    process.exitCode = report(error);
  }
}

function program(): Command {
  const root = new Command('follow-audit')
    .description("Audit whom an organization's social media accounts follow against its allowlists.")
    .version(VERSION, '--version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s, write) => write(s) })
    .showHelpAfterError('(add --help for usage and examples)');

  common(root.command('audit').description('audit every account (or --account NAME…, --platform P…)')).action(
    async (o: CommonOptions) => {
      const rep = await audit({
        config: o.config,
        asOf: o.asOf,
        accounts: o.account,
        platforms: o.platform,
        ...runtime(o),
      });
      await emit(o, 'table', (format, color) => reporters[format](rep, { color, width: width() }));
      process.exitCode = exitCodeFor(rep, o.failOn);
    },
  );

  common(
    root
      .command('validate')
      .description('check policy and allowlists; report every problem with file:line:col'),
  ).action(async (o: CommonOptions) => {
    const summary = await validate(o.config);
    if (!o.quiet) process.stdout.write(`${summary}\n`);
  });

  memberCommand(root.command('check'), CHECK_FORMATS, 'markdown')
    .argument('<ref>', 'platform:handle, platform:id:<id>, or a profile URL')
    .description('a filled-in checklist for one account a member finds questionable')
    .action(async (ref: string, o: MemberOptions<CheckFormat>) => {
      const result = await check(o.config, ref, o.asOf, obtainOptions({ progress: () => {} }));
      await write(o.output ?? null, CHECK_REPORTERS[o.format](result));
    });

  memberCommand(root.command('checklist'), CHECKLIST_FORMATS, 'markdown')
    .description('a blank checklist and the current allowlists, for members (--format html: a page)')
    .option('--include-audit', 'also publish exceptions, their reasons, and the latest lists and findings')
    .action(async (o: MemberOptions<ChecklistFormat> & { includeAudit?: boolean }) => {
      const text = await checklist(
        o.config,
        { asOf: o.asOf, format: o.format, includeAudit: !!o.includeAudit },
        obtainOptions({ progress: () => {} }),
      );
      await write(o.output ?? null, text);
    });

  root
    .command('init')
    .description('start a new audit folder with commented templates')
    .option('-C, --config <dir>', 'the folder to create', '.')
    .option('--organization <name>', "the organization's name", 'Example City DSA')
    .option('--contact <email>', 'where members send reports', 'communications@example.org')
    .option('--force', 'overwrite existing files')
    .option('-q, --quiet', 'print nothing')
    .action(
      async (o: {
        config: string;
        organization: string;
        contact: string;
        force?: boolean;
        quiet?: boolean;
      }) => {
        const files = await init(o.config, {
          organization: o.organization,
          contact: o.contact,
          force: !!o.force,
        });
        if (!o.quiet) {
          process.stdout.write(
            `Wrote ${files.length} files in ${o.config}:\n${files.map((f) => `  ${f}`).join('\n')}\nNext: edit policy/policy.yaml and allowlists/, then run "follow-audit validate".\n`,
          );
        }
      },
    );

  root
    .command('schema')
    .description('JSON Schemas of policy.yaml and the allowlist files, for editors')
    .addArgument(
      new Command()
        .createArgument('[file]', 'policy or allowlist (default: both)')
        .choices(Object.keys(SCHEMAS)),
    )
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (file: SchemaName | undefined, o: { output?: string }) => {
      const value = file
        ? jsonSchema(file)
        : Object.fromEntries((Object.keys(SCHEMAS) as SchemaName[]).map((n) => [n, jsonSchema(n)]));
      await write(o.output ?? null, `${JSON.stringify(value, null, 2)}\n`);
    });

  return root;
}

interface MemberOptions<F> {
  config: string;
  asOf?: string;
  format: F;
  output?: string;
}

const CHECK_REPORTERS = { markdown: checkMarkdown, json: checkJson, text: checkText };
const CHECK_FORMATS = Object.keys(CHECK_REPORTERS) as CheckFormat[];
type CheckFormat = keyof typeof CHECK_REPORTERS;

/** The options of the commands members run: they read saved lists only, never the network. */
function memberCommand(cmd: Command, formats: readonly string[], fallback: string): Command {
  return cmd
    .option('-C, --config <dir>', 'the audit folder', '.')
    .option('--as-of <YYYY-MM-DD>', 'judge dates as of this day (default: today in the policy timezone)')
    .option('--offline', 'accepted for symmetry: these commands never use the network')
    .addOption(new Option('--format <format>', 'output format').choices(formats).default(fallback))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('-q, --quiet', 'print nothing but the result')
    .addHelpText('after', EXAMPLES)
    .exitOverride();
}

/** The options every auditing command shares (SPEC §7). */
function common(cmd: Command): Command {
  return cmd
    .option('-C, --config <dir>', 'the audit folder', '.')
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

function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').filter(Boolean)];
}

function collectFormat(value: string, previous: OutputSpec[]): OutputSpec[] {
  const [name, ...rest] = value.split(':');
  if (!(FORMATS as readonly string[]).includes(name!)) {
    throw new InvalidArgumentError(`use one of ${FORMATS.join(', ')} (optionally format:path)`);
  }
  return [...previous, { format: name as Format, path: rest.length ? rest.join(':') : null }];
}

function number(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number of 0 or more');
  return n;
}

function runtime(o: CommonOptions) {
  const stderrTty = !!process.stderr.isTTY && !o.quiet;
  return {
    offline: !!o.offline,
    maxWaitSeconds: o.maxWait,
    maxCostUsd: o.maxCost,
    interactive: !!process.stdin.isTTY && !!process.stdout.isTTY && !process.env.CI,
    progress: stderrTty ? (m: string) => process.stderr.write(`\r\u001b[2K${sanitizeLine(m)}`) : () => {},
  };
}

const width = () => process.stdout.columns || 80;

/** Renders every requested format to its destination: a file, or standard output. */
async function emit(o: CommonOptions, fallback: Format, render: (f: Format, color: boolean) => string) {
  const specs = o.format.length ? o.format : [{ format: fallback, path: null }];
  if (specs.filter((s) => !s.path).length > 1 && !o.output) {
    throw new UsageError('only one format can go to standard output: give the others a path (format:path)');
  }
  for (const spec of specs) {
    const path = spec.path ?? o.output ?? null;
    const color = !path && colorWanted(o.color, !!process.stdout.isTTY, process.env);
    await write(path, render(spec.format, color));
  }
}

async function write(path: string | null, text: string): Promise<void> {
  if (!path || path === '-') {
    process.stdout.write(text);
    return;
  }
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

/** The one place errors become messages and exit codes. */
function report(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof ConfigError) {
    const n = error.problems.length;
    process.stderr.write(
      `follow-audit: ${n} problem${n === 1 ? '' : 's'} in the configuration; nothing was audited.\n` +
        error.problems.map((p) => `  ${sanitizeLine(formatProblem(p))}\n`).join(''),
    );
    return EXIT.usage;
  }
  if (error instanceof UsageError || error instanceof SourceError) {
    process.stderr.write(`follow-audit: ${sanitizeLine(error.message)}\n`);
    return EXIT.usage;
  }
  process.stderr.write(
    `follow-audit: internal error, please report it with this output:\n${error instanceof Error ? error.stack : String(error)}\n`,
  );
  return EXIT.usage;
}
