import { Argument, type Command, Option } from 'commander';
import { completion, SHELLS, type Shell } from '../commands/completion.js';
import { TOOL_HELP } from '../commands/init-package.js';
import type { SchemaName } from '../commands/schema.js';
import { PLACEHOLDERS } from '../config/placeholder-values.js';
import { UsageError } from '../errors.js';
import { todayOf } from '../util/days.js';
import { plural } from '../util/text.js';
import type { AddCommand } from './command.js';
import { load } from './load.js';
import {
  type CommonOptions,
  folder,
  format,
  formats,
  type MemberOptions,
  noColor,
  number,
  output,
  quiet,
  withOptions,
} from './options.js';
import { emit, sayWritten, width, write } from './output.js';

const PLAN_FORMATS = ['markdown', 'json', 'table'] as const;
const UPDATE_FORMATS = ['table', 'json'] as const;
// A Record, so the compiler refuses a schema missing here.
const SCHEMA_NAMES = Object.keys({ policy: 0, allowlist: 0, report: 0 } satisfies Record<
  SchemaName,
  0
>) as SchemaName[];
const EDITOR_SCHEMAS: SchemaName[] = ['policy', 'allowlist'];

/** Keeping the folder: plan the month, update shared lists, start it, schemas, shell completion. */
export function addFolderCommands(command: AddCommand, root: Command): void {
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
        const { colorWanted } = await import('../util/color.js');
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
}
