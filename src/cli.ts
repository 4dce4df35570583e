import { appendFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import {
  type CommonOptions,
  common,
  EXAMPLES,
  FOLDER_OPTION,
  type MemberOptions,
  memberCommand,
  number,
  runtime,
} from './cli/options.js';
import { emit, guardStandardStreams, sayWritten, width, write } from './cli/output.js';
import { completion, SHELLS, type Shell } from './commands/completion.js';
import { TOOL_HELP } from './commands/init-package.js';
import type { SchemaName } from './commands/schema.js';
import { EXIT, exitCodeFor } from './core/exit-code.js';
import { ConfigError, formatProblem, SourceError, UsageError } from './errors.js';
import { redactKnown } from './net/redact.js';
import {
  CHECK_FORMATS,
  CHECKLIST_FORMATS,
  type CheckFormat,
  type ChecklistFormat,
} from './report/formats.js';
import { plural, sanitizeLine } from './util/text.js';
import { VERSION } from './version.js';

// Commands load their modules (zod, yaml, chalk, reporters) when they run, so that --version
// and --help start about as fast as bare node.
const load = {
  audit: () => import('./audit.js'),
  obtainAll: () => import('./sources/obtain-all.js'),
  check: () => import('./commands/check.js'),
  diff: () => import('./commands/diff.js'),
  diffTable: () => import('./commands/diff-table.js'),
  draft: () => import('./commands/draft.js'),
  fetch: () => import('./commands/fetch.js'),
  keep: () => import('./store/keep.js'),
  resolve: () => import('./commands/resolve.js'),
  checkReport: () => import('./report/check.js'),
  checklist: () => import('./commands/checklist.js'),
  import: () => import('./commands/import.js'),
  plan: () => import('./commands/plan.js'),
  planMarkdown: () => import('./report/plan-markdown.js'),
  planTable: () => import('./report/plan-table.js'),
  init: () => import('./commands/init.js'),
  schema: () => import('./commands/schema.js'),
  validate: () => import('./commands/validate.js'),
  update: () => import('./commands/update.js'),
  updateTable: () => import('./report/update-table.js'),
  reporters: () => import('./report/registry.js'),
  sections: () => import('./report/sections.js'),
};

/** The file -o names, for the line that says where output went; none for standard output. */
const outputFile = (path: string | undefined) => (path && path !== '-' ? [path] : []);
const PLAN_FORMATS = ['markdown', 'json', 'table'] as const;
// A Record, so the compiler refuses a schema missing here.
const SCHEMA_NAMES = Object.keys({ policy: 0, allowlist: 0, report: 0 } satisfies Record<
  SchemaName,
  0
>) as SchemaName[];
const EDITOR_SCHEMAS: SchemaName[] = ['policy', 'allowlist'];

export async function main(argv: string[]): Promise<void> {
  guardStandardStreams();
  // A reader that stops early (`| head`) closes the pipe: that ends the run quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? 0);
    });
  }
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
    .showHelpAfterError('(add --help for usage and examples)')
    .hook('preAction', async (_, command) => {
      // Every command that reads an audit folder and was given no -C finds it upward from here.
      const reads = command.options.some((o) => o.attributeName() === 'config');
      if (reads && command.name() !== 'init' && command.getOptionValue('config') === undefined) {
        const { findAuditFolder } = await import('./config/discover.js');
        command.setOptionValue('config', await findAuditFolder('.'));
      }
    });

  common(root.command('audit').description('audit every account (or --account NAME…, --platform P…)'))
    .option('--since <file|date>', 'list changes since this report file, or the last audit as of this day')
    .option('--no-save', 'do not keep this report under .follow-audit/reports/')
    .action(async (o: CommonOptions) => {
      const [{ audit }, { reporters }] = await Promise.all([load.audit(), load.reporters()]);
      const rep = await audit({
        config: o.config,
        asOf: o.asOf,
        accounts: o.account,
        platforms: o.platform,
        since: o.since,
        save: o.save,
        ...runtime(o),
      });
      const files = await emit(o, 'table', (format, color) =>
        reporters[format](rep, { color, width: width() }),
      );
      sayWritten(files, 'Report', (await load.sections()).verdict(rep), o.quiet);
      const summary = process.env.GITHUB_STEP_SUMMARY;
      if (summary && o.format.some((s) => s.format === 'github')) {
        await appendFile(summary, redactKnown(reporters.markdown(rep, { color: false, width: 80 })));
      }
      process.exitCode = exitCodeFor(rep, o.failOn);
    });

  common(
    root
      .command('validate')
      .description('check policy and allowlists; report every problem with file:line:col'),
  ).action(async (o: CommonOptions) => {
    const { validate } = await load.validate();
    const summary = await validate(o.config);
    if (!o.quiet) process.stdout.write(`${summary}\n`);
  });

  memberCommand(root.command('check'), CHECK_FORMATS, 'markdown')
    .argument(
      '<ref...>',
      "a profile or share link, platform:handle, platform:id:<id>, @user@instance, an allowlist entry's name, or a handle",
    )
    .option('--platform <platform>', 'read a bare handle or name on this platform only')
    .description('a filled-in checklist for one account a member finds questionable')
    .action(async (ref: string[], o: MemberOptions<CheckFormat> & { platform?: string }) => {
      const [{ check }, { obtainOptions }, reports] = await Promise.all([
        load.check(),
        load.obtainAll(),
        load.checkReport(),
      ]);
      const results = await check(
        o.config,
        ref.join(' '),
        o.asOf,
        obtainOptions({ progress: () => {} }),
        o.platform,
      );
      await write(o.output ?? null, reports.checkReporters[o.format](results));
      sayWritten(outputFile(o.output), 'Checklist', `${reports.checksVerdicts(results)}.`, o.quiet);
    });

  memberCommand(root.command('checklist'), CHECKLIST_FORMATS, 'markdown')
    .description('a blank checklist and the current allowlists, for members (--format html: a page)')
    .option('--include-audit', 'also publish exceptions, their reasons, and the latest lists and findings')
    .action(async (o: MemberOptions<ChecklistFormat> & { includeAudit?: boolean }) => {
      const [{ checklist }, { obtainOptions }] = await Promise.all([load.checklist(), load.obtainAll()]);
      const text = await checklist(
        o.config,
        { asOf: o.asOf, format: o.format, includeAudit: !!o.includeAudit },
        obtainOptions({ progress: () => {} }),
      );
      await write(o.output ?? null, text);
      sayWritten(
        outputFile(o.output),
        o.format === 'html' ? "Members' page" : 'Checklist',
        'Open it, or send it to members.',
        o.quiet,
      );
    });

  common(
    root.command('fetch').description('fetch following lists through the APIs and save snapshots'),
  ).action(async (o: CommonOptions) => {
    const [{ fetchLists, fetchSummary }, { Keeper }] = await Promise.all([load.fetch(), load.keep()]);
    const keeper = new Keeper();
    const lists = await fetchLists({
      config: o.config,
      accounts: o.account,
      platforms: o.platform,
      ...runtime(o),
      keeper,
    });
    process.stdout.write(`${fetchSummary(lists, keeper)}\n`);
    process.exitCode = lists.every((l) => l.complete) ? EXIT.ok : EXIT.incomplete;
  });

  common(root.command('diff'))
    .description('what each account followed and unfollowed between two snapshots (default: the two newest)')
    .option('--from <file|date>', 'the older snapshot: a file, or the newest fetched on or before YYYY-MM-DD')
    .option('--to <file|date>', 'the newer snapshot: a file, or the newest fetched on or before YYYY-MM-DD')
    .action(async (o: CommonOptions & { from?: string; to?: string }) => {
      if (o.format.some((f) => f.format !== 'table' && f.format !== 'json'))
        throw new UsageError('diff writes --format table or json');
      const { from, to } = o;
      const [{ diff }, { diffTable }] = await Promise.all([load.diff(), load.diffTable()]);
      const result = await diff({ config: o.config, accounts: o.account, platforms: o.platform, from, to });
      await emit(o, 'table', (format, color) =>
        format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : diffTable(result, color),
      );
      process.exitCode = result.accounts.every((a) => a.complete) ? EXIT.ok : EXIT.incomplete;
    });

  common(root.command('resolve'))
    .description('look up missing stable ids (and handles) of allowlist entries through the platform APIs')
    .option('--write', 'put what was found into the allowlist files, keeping their comments')
    .action(async (o: CommonOptions & { write?: boolean }) => {
      const writeYaml = !!o.write;
      const { resolve, resolveSummary } = await load.resolve();
      const result = await resolve({
        config: o.config,
        platforms: o.platform,
        write: writeYaml,
        ...runtime(o),
      });
      const json = o.format[0]?.format === 'json';
      await write(
        o.format[0]?.path ?? o.output ?? null,
        json ? `${JSON.stringify(result, null, 2)}\n` : resolveSummary(result, writeYaml),
      );
      process.exitCode = result.failures.length ? EXIT.incomplete : EXIT.ok;
    });

  root
    .command('import')
    .description(
      'keep the following list of each downloaded export file or ZIP as a snapshot, and nothing else',
    )
    .argument('<file...>', 'downloaded files or ZIPs, any name, of any platform')
    .option(...FOLDER_OPTION)
    .option('--account <name>', 'the account the downloads belong to, where they do not say')
    .option('--as-of <YYYY-MM-DD>', 'the day of the import, for downloads that record no date')
    .option('-q, --quiet', 'print nothing but problems')
    .addHelpText(
      'after',
      `
Examples:
  follow-audit import ~/Downloads/twitter-2026-11-20-*.zip ~/Downloads/instagram-*.zip
  follow-audit import repo.car --account chapter-bluesky

Each list is kept as .follow-audit/snapshots/<account>/<date>.json; accounts with
source: import in policy.yaml are audited from their newest one. Exit codes: 0 kept,
2 a file fits no account (or two), is not a download, or is damaged.`,
    )
    .exitOverride()
    .action(
      async (files: string[], o: { config: string; account?: string; asOf?: string; quiet?: boolean }) => {
        const { importDownloads, importSummary } = await load.import();
        const result = await importDownloads(files, { config: o.config, account: o.account, asOf: o.asOf });
        if (!o.quiet && result.imported.length)
          process.stdout.write(`${importSummary(result).split('\n').map(sanitizeLine).join('\n')}\n`);
        for (const f of result.failures) process.stderr.write(`follow-audit: ${sanitizeLine(f.message)}\n`);
        process.exitCode = result.failures.length ? EXIT.usage : EXIT.ok;
      },
    );

  root
    .command('plan')
    .description(
      "this month's audit as a checklist: what to download, what is stale, which tokens are missing, what comes due",
    )
    .option(...FOLDER_OPTION)
    .option('--as-of <YYYY-MM-DD>', 'plan as of this day (default: today in the policy timezone)')
    .option('--until <YYYY-MM-DD>', 'the day of the next audit (default: a month after --as-of)')
    .option(
      '--format <format>',
      `${PLAN_FORMATS.join('|')}, or format:path; repeat for several (default: markdown)`,
      (value: string, previous: { format: string; path: string | null }[]) => {
        const [name, ...rest] = value.split(':');
        if (!(PLAN_FORMATS as readonly string[]).includes(name!))
          throw new InvalidArgumentError(`use one of ${PLAN_FORMATS.join(', ')} (optionally format:path)`);
        return [...previous, { format: name!, path: rest.length ? rest.join(':') : null }];
      },
      [],
    )
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--no-color', 'no colours (also NO_COLOR)')
    .option('-q, --quiet', 'print nothing but the plan')
    .addHelpText(
      'after',
      `
Examples:
  follow-audit plan                               the checklist in Markdown (an issue's body)
  follow-audit plan --format table                the accounts at a glance
  follow-audit plan --format markdown:plan.md --format json:plan.json --until 2027-01-05

Reads only this folder (never the network) and never prints a token, only whether it is set.
Exit codes: 0 planned, 2 usage or configuration error.`,
    )
    .exitOverride()
    .action(
      async (o: {
        config: string;
        asOf?: string;
        until?: string;
        format: { format: string; path: string | null }[];
        output?: string;
        color?: boolean;
        quiet?: boolean;
      }) => {
        const [{ plan }, { planMarkdown }, { planTable }] = await Promise.all([
          load.plan(),
          load.planMarkdown(),
          load.planTable(),
        ]);
        const result = await plan({ config: o.config, asOf: o.asOf, until: o.until });
        const specs = o.format.length ? o.format : [{ format: 'markdown', path: null }];
        if (specs.filter((s) => !s.path).length > 1)
          throw new UsageError(
            'only one format can go to standard output: give the others a path (format:path)',
          );
        const { colorWanted } = await import('./util/color.js');
        const files: string[] = [];
        for (const spec of specs) {
          const path = spec.path ?? o.output ?? null;
          files.push(...outputFile(path ?? undefined));
          const color = !path && colorWanted(o.color, !!process.stdout.isTTY, process.env);
          const text =
            spec.format === 'json'
              ? `${JSON.stringify(result, null, 2)}\n`
              : spec.format === 'table'
                ? planTable(result, color, width())
                : planMarkdown(result);
          await write(path, text);
        }
        sayWritten(
          files,
          'Plan',
          `${result.title}: ${plural(result.accounts.length, 'account')}, next audit ${result.until}.`,
          o.quiet,
        );
      },
    );

  root
    .command('update')
    .description('fetch the shared lists again, show what changed since their pins, --write the new pins')
    .option(...FOLDER_OPTION)
    .option(
      '--write',
      'keep the new copies and write the new sha256 into the allowlist files (comments kept)',
    )
    .option('--as-of <YYYY-MM-DD>', 'the day written as updated: (default: today in the policy timezone)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option(
      '--max-wait <seconds>',
      "longest wait on a server's rate limit before a list counts as not fetched",
      number,
      900,
    )
    .option('--no-color', 'no colours (also NO_COLOR)')
    .option('-q, --quiet', 'print nothing but problems')
    .addHelpText(
      'after',
      `
Examples:
  follow-audit update                  what the shared lists hold now, against their pins
  follow-audit update --write          pin it: new copies in .follow-audit/shared/, new sha256 lines
  follow-audit update --format json    the same as data, for a scheduled job

Audits never fetch a shared list: they read the pinned copy. Exit codes: 0 nothing changed,
1 something changed (with --write: and was pinned; commit it for review), 2 an include or a
shared list is wrong, 3 a shared list could not be fetched.`,
    )
    .exitOverride()
    .action(
      async (o: {
        config: string;
        write?: boolean;
        asOf?: string;
        format: 'table' | 'json';
        output?: string;
        maxWait: number;
        color?: boolean;
        quiet?: boolean;
      }) => {
        const [{ update, updateExitCode }, { updateTable }] = await Promise.all([
          load.update(),
          load.updateTable(),
        ]);
        const result = await update({
          config: o.config,
          write: !!o.write,
          asOf: o.asOf,
          maxWaitSeconds: o.maxWait,
        });
        const { colorWanted } = await import('./util/color.js');
        const color = !o.output && colorWanted(o.color, !!process.stdout.isTTY, process.env);
        const text =
          o.format === 'json'
            ? `${JSON.stringify(result, null, 2)}\n`
            : updateTable(result, !!o.write, color, width());
        if (!o.quiet || o.format === 'json') await write(o.output ?? null, text);
        process.exitCode = updateExitCode(result);
      },
    );

  root
    .command('init')
    .description('start a new audit folder with commented templates')
    .option('-C, --config <dir>', 'the folder to create', '.')
    .option('--organization <name>', "the organization's name", 'Example City DSA')
    .option('--contact <email>', 'where members send reports', 'communications@example.org')
    .option('--force', 'overwrite existing files')
    .option('--from <export>', "seed allowlists/draft.yaml from an account's export file (or its ZIP)")
    .option('--platform <platform>', 'the platform of --from (default: told from the file)')
    .option('--tool <spec>', TOOL_HELP)
    .option('-q, --quiet', 'print nothing')
    .action(
      async (o: {
        config: string;
        organization: string;
        contact: string;
        force?: boolean;
        quiet?: boolean;
        from?: string;
        platform?: string;
        tool?: string;
      }) => {
        const [{ init }, { allowlistDraft, DRAFT_FILE }] = await Promise.all([load.init(), load.draft()]);
        const draft = o.from ? await allowlistDraft(resolvePath(o.from), o.platform) : null;
        const files = await init(o.config, {
          organization: o.organization,
          contact: o.contact,
          force: !!o.force,
          tool: o.tool,
          ...(draft ? { extra: { [DRAFT_FILE]: draft.text } } : {}),
        });
        if (draft && !o.quiet)
          process.stdout.write(
            `${DRAFT_FILE}: ${draft.entries} followed accounts for the committee to decide\n`,
          );
        if (!o.quiet) {
          process.stdout.write(
            `Wrote ${files.length} files in ${o.config}:\n${files.map((f) => `  ${f}`).join('\n')}\nNext: edit policy/policy.yaml and allowlists/, then run "follow-audit validate".\n` +
              'Run "npm install" there once and commit package.json and package-lock.json with the rest:\n' +
              '"npm ci && npx follow-audit …" then runs exactly that copy, never a name looked up.\n',
          );
        }
      },
    );

  root
    .command('schema')
    .description('JSON Schemas of policy.yaml and the allowlist files, for editors, and of the JSON report')
    .addArgument(
      new Command()
        .createArgument(
          '[file]',
          'policy, allowlist, or report (the JSON report); default: policy and allowlist',
        )
        .choices(SCHEMA_NAMES),
    )
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (file: SchemaName | undefined, o: { output?: string }) => {
      const { jsonSchema } = await load.schema();
      const value = file
        ? jsonSchema(file)
        : Object.fromEntries(EDITOR_SCHEMAS.map((n) => [n, jsonSchema(n)]));
      await write(o.output ?? null, `${JSON.stringify(value, null, 2)}\n`);
    });

  root
    .command('completion')
    .description('a shell completion script: eval "$(follow-audit completion bash)"')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELLS))
    .action((shell: Shell) => {
      process.stdout.write(completion(root, shell));
    });

  return root;
}

/** The one place errors become messages and exit codes. */
function report(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof ConfigError) {
    const n = error.problems.length;
    process.stderr.write(
      `follow-audit: ${plural(n, 'problem')} in the configuration; nothing was audited.\n` +
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
