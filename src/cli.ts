import { appendFile } from 'node:fs/promises';
import { relative as relativePath, resolve as resolvePath } from 'node:path';
import { Argument, Command, CommanderError, Option } from 'commander';
import { type CommandName, helpAfter, ROOT_HELP } from './cli/help.js';
import {
  accounts,
  asOf,
  type CommonOptions,
  collect,
  failOn,
  folder,
  format,
  formats,
  limits,
  noColor,
  number,
  offline,
  offlineAccepted,
  output,
  platforms,
  quiet,
  runtime,
  withOptions,
} from './cli/options.js';
import { emit, guardStandardStreams, sayWritten, width, write } from './cli/output.js';
import { completion, SHELLS, type Shell } from './commands/completion.js';
import { TOOL_HELP } from './commands/init-package.js';
import type { SchemaName } from './commands/schema.js';
import { PLACEHOLDERS } from './config/placeholder-values.js';
import { EXIT, exitCodeFor } from './core/exit-code.js';
import { ConfigError, formatProblem, SourceError, UsageError } from './errors.js';
import { redactKnown } from './net/redact.js';
import {
  CHECK_FORMATS,
  CHECKLIST_FORMATS,
  type CheckFormat,
  type ChecklistFormat,
  FORMATS,
  type Format,
} from './report/formats.js';
import { todayOf } from './util/days.js';
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
  addAccount: () => import('./commands/add-account.js'),
  initSummary: () => import('./commands/init-summary.js'),
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
  validation: () => import('./report/validation.js'),
  reporters: () => import('./report/registry.js'),
  sections: () => import('./report/sections.js'),
};

/** The file -o names, for the line that says where output went; none for standard output. */
const outputFile = (path: string | undefined) => (path && path !== '-' ? [path] : []);
// The first of each is the default. Kept here, not imported, so --help loads no reporter.
const PLAN_FORMATS = ['markdown', 'json', 'table'] as const;
const VALIDATE_FORMATS = ['text', 'json', 'github'] as const;
const DIFF_FORMATS = ['table', 'json'] as const;
const RESOLVE_FORMATS = ['text', 'json'] as const;
const UPDATE_FORMATS = ['table', 'json'] as const;

interface MemberOptions<F> {
  config: string;
  asOf?: string;
  format: F;
  output?: string;
  quiet?: boolean;
}
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
    .addHelpText('after', ROOT_HELP)
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
  const command = (name: CommandName, description: string) =>
    root.command(name).description(description).addHelpText('after', helpAfter(name));

  withOptions(
    command('audit', 'audit every account (or --account NAME…, --platform P…)'),
    folder,
    asOf,
    offline,
    formats(FORMATS),
    output,
    failOn,
    limits,
    noColor,
    quiet('no progress or notes on standard error'),
    accounts,
    platforms,
  )
    .option('--since <file|date>', 'list changes since this report file, or the last audit as of this day')
    .option('--no-save', 'do not keep this report under .follow-audit/reports/')
    .action(async (o: CommonOptions<Format>) => {
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
      const { hyperlinksWanted } = await import('./util/color.js');
      const files = await emit(o, 'table', (format, color) =>
        reporters[format](rep, {
          color,
          width: width(),
          links: hyperlinksWanted(color, !!process.stdout.isTTY, process.env),
        }),
      );
      sayWritten(files, 'Report', (await load.sections()).verdict(rep), o.quiet);
      const summary = process.env.GITHUB_STEP_SUMMARY;
      if (summary && o.format.some((s) => s.format === 'github')) {
        await appendFile(summary, redactKnown(reporters.markdown(rep, { color: false, width: 80 })));
      }
      process.exitCode = exitCodeFor(rep, o.failOn);
    });

  withOptions(
    command('validate', 'check policy and allowlists; report every problem with file:line:col'),
    folder,
    formats(VALIDATE_FORMATS),
    output,
    quiet('print nothing but problems and warnings'),
  ).action(async (o: CommonOptions<(typeof VALIDATE_FORMATS)[number]>) => {
    const [{ validation }, shown] = await Promise.all([load.validate(), load.validation()]);
    const result = await validation(o.config);
    const failed = shown.hasErrors(result);
    if (o.quiet && result.problems.length === 0) return;
    const folderFromHere = relativePath(process.cwd(), resolvePath(o.config));
    const toStderr = failed && !o.output && o.format.every((f) => f.format === 'text');
    const render = (f: (typeof VALIDATE_FORMATS)[number]) =>
      f === 'json'
        ? shown.validationJson(result)
        : f === 'github'
          ? shown.validationGithub(result, folderFromHere)
          : shown.validationText(result);
    if (toStderr) process.stderr.write(render('text'));
    else await emit(o, 'text', render);
    if (failed) process.exitCode = EXIT.usage;
  });

  withOptions(
    command('check', 'a filled-in checklist for one account a member finds questionable'),
    folder,
    asOf,
    format(CHECK_FORMATS),
    output,
    quiet('print nothing but the checklist'),
    offlineAccepted,
  )
    .argument(
      '<ref...>',
      "a profile or share link, platform:handle, platform:id:<id>, @user@instance, an allowlist entry's name, or a handle",
    )
    .option('--platform <platform>', 'read a bare handle or name on this platform only')
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

  withOptions(
    command('checklist', 'a blank checklist and the current allowlists, for members (--format html: a page)'),
    folder,
    asOf,
    format(CHECKLIST_FORMATS),
    output,
    quiet('print nothing but the checklist'),
    offlineAccepted,
  )
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

  withOptions(
    command('fetch', 'fetch following lists through the APIs and save snapshots'),
    folder,
    limits,
    quiet('no progress on standard error'),
    accounts,
    platforms,
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

  withOptions(
    command(
      'diff',
      'what each account followed and unfollowed between two snapshots (default: the two newest)',
    ),
    folder,
    formats(DIFF_FORMATS),
    output,
    noColor,
    accounts,
    platforms,
  )
    .option('--from <file|date>', 'the older snapshot: a file, or the newest fetched on or before YYYY-MM-DD')
    .option('--to <file|date>', 'the newer snapshot: a file, or the newest fetched on or before YYYY-MM-DD')
    .action(async (o: CommonOptions<(typeof DIFF_FORMATS)[number]> & { from?: string; to?: string }) => {
      const { from, to } = o;
      const [{ diff }, { diffTable }] = await Promise.all([load.diff(), load.diffTable()]);
      const result = await diff({ config: o.config, accounts: o.account, platforms: o.platform, from, to });
      await emit(o, 'table', (format, color) =>
        format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : diffTable(result, color),
      );
      process.exitCode = result.accounts.every((a) => a.complete) ? EXIT.ok : EXIT.incomplete;
    });

  withOptions(
    command(
      'resolve',
      'look up missing stable ids (and handles) of allowlist entries through the platform APIs',
    ),
    folder,
    formats(RESOLVE_FORMATS),
    output,
    limits,
    quiet('no progress on standard error'),
  )
    .option('--platform <platform>', 'only entries on this platform (repeatable)', collect)
    .option('--write', 'put what was found into the allowlist files, keeping their comments')
    .action(async (o: CommonOptions<(typeof RESOLVE_FORMATS)[number]> & { write?: boolean }) => {
      const writeYaml = !!o.write;
      const { resolve, resolveSummary } = await load.resolve();
      const result = await resolve({
        config: o.config,
        platforms: o.platform,
        write: writeYaml,
        ...runtime(o),
      });
      await emit(o, 'text', (format) =>
        format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : resolveSummary(result, writeYaml),
      );
      process.exitCode = result.failures.length ? EXIT.incomplete : EXIT.ok;
    });

  withOptions(
    command(
      'import',
      'keep the following list of each downloaded export file or ZIP as a snapshot, and nothing else',
    ),
    folder,
    quiet('print nothing but problems'),
  )
    .argument('<file...>', 'downloaded files or ZIPs, any name, of any platform')
    .option('--account <name>', 'the account the downloads belong to, where they do not say')
    .option('--as-of <YYYY-MM-DD>', 'the day of the import, for downloads that record no date')
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

  withOptions(
    command(
      'plan',
      "this month's audit as a checklist: what to download, what is stale, which tokens are missing, what comes due",
    ),
    folder,
    formats(PLAN_FORMATS),
    output,
    noColor,
    quiet('print nothing but the plan'),
  )
    .option('--as-of <YYYY-MM-DD>', 'plan as of this day (default: today in the policy timezone)')
    .option('--until <YYYY-MM-DD>', 'the day of the next audit (default: a month after --as-of)')
    .action(async (o: CommonOptions<(typeof PLAN_FORMATS)[number]> & { until?: string }) => {
      const [{ plan }, { planMarkdown }, { planTable }] = await Promise.all([
        load.plan(),
        load.planMarkdown(),
        load.planTable(),
      ]);
      const result = await plan({ config: o.config, asOf: o.asOf, until: o.until });
      const files = await emit(o, 'markdown', (format, color) =>
        format === 'json'
          ? `${JSON.stringify(result, null, 2)}\n`
          : format === 'table'
            ? planTable(result, color, width())
            : planMarkdown(result),
      );
      sayWritten(
        files,
        'Plan',
        `${result.title}: ${plural(result.accounts.length, 'account')}, next audit ${result.until}.`,
        o.quiet,
      );
    });

  withOptions(
    command(
      'update',
      'fetch the shared lists again, show what changed since their pins, --write the new pins',
    ),
    folder,
    format(UPDATE_FORMATS),
    output,
    noColor,
    quiet('print nothing but problems'),
  )
    .option(
      '--write',
      'keep the new copies and write the new sha256 into the allowlist files (comments kept)',
    )
    .option('--as-of <YYYY-MM-DD>', 'the day written as updated: (default: today in the policy timezone)')
    .option(
      '--max-wait <seconds>',
      "longest wait on a server's rate limit before a list counts as not fetched",
      number,
      900,
    )
    .action(
      async (
        o: MemberOptions<(typeof UPDATE_FORMATS)[number]> & {
          write?: boolean;
          maxWait: number;
          color?: boolean;
        },
      ) => {
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

  withOptions(command('init', 'start a new audit folder with commented templates, or add an account to one'))
    .option('-C, --config <dir>', 'the folder to start, or to add --from to (default: this folder)', '.')
    .option('--organization <name>', "the organization's name", PLACEHOLDERS.organization)
    .option('--contact <email>', 'where members send reports', PLACEHOLDERS.contact)
    .option(
      '--from <download>',
      'add the account of this download (file or ZIP): a draft allowlist of its follows, and the account in policy.yaml',
    )
    .option('--platform <platform>', 'the platform of --from, where the download holds several')
    .option('--tool <spec>', TOOL_HELP)
    .addOption(new Option('--force').hideHelp())
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
        if (o.force)
          throw new UsageError(
            'init never overwrites a file, so there is no --force: to start a file again, move it away first (git keeps every earlier version), then run init',
          );
        const [{ init, isAuditFolder }, { readFrom }, { addAccount }, { initSummary }] = await Promise.all([
          load.init(),
          load.draft(),
          load.addAccount(),
          load.initSummary(),
        ]);
        // The download is read first: a damaged one leaves the folder as it was.
        const from = o.from ? await readFrom(o.from, o.platform) : null;
        const fresh = !(await isAuditFolder(o.config));
        const made =
          fresh || !from
            ? await init(o.config, {
                organization: o.organization,
                contact: o.contact,
                today: todayOf('UTC', undefined, new Date()),
                tool: o.tool,
              })
            : null;
        const added = from ? await addAccount(o.config, from, fresh) : null;
        if (!o.quiet) process.stdout.write(initSummary(o.config, made, added, from));
      },
    );

  withOptions(
    command(
      'schema',
      'JSON Schemas of policy.yaml and the allowlist files, for editors, and of the JSON report',
    ),
    output,
  )
    .addArgument(
      new Argument(
        '[file]',
        'policy, allowlist, or report (the JSON report); default: policy and allowlist',
      ).choices(SCHEMA_NAMES),
    )
    .action(async (file: SchemaName | undefined, o: { output?: string }) => {
      const { jsonSchema } = await load.schema();
      const value = file
        ? jsonSchema(file)
        : Object.fromEntries(EDITOR_SCHEMAS.map((n) => [n, jsonSchema(n)]));
      await write(o.output ?? null, `${JSON.stringify(value, null, 2)}\n`);
    });

  withOptions(command('completion', 'a shell completion script: eval "$(follow-audit completion bash)"'))
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
