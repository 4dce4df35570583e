import { EXIT } from '../core/exit-code.js';
import { sanitizeLine } from '../util/text.js';
import type { AddCommand } from './command.js';
import { load } from './load.js';
import {
  accounts,
  type CommonOptions,
  collect,
  folder,
  formats,
  limits,
  noColor,
  output,
  platforms,
  quiet,
  runtime,
  withOptions,
} from './options.js';
import { emit } from './output.js';

const DIFF_FORMATS = ['table', 'json'] as const;
const RESOLVE_FORMATS = ['text', 'json'] as const;

/** The following lists and ids: fetch them, compare snapshots, look ids up, import downloads. */
export function addListCommands(command: AddCommand): void {
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
}
