import { appendFile } from 'node:fs/promises';
import { relative as relativePath, resolve as resolvePath } from 'node:path';
import { EXIT, exitCodeFor } from '../core/exit-code.js';
import { redactKnown } from '../net/redact.js';
import { FORMATS, type Format } from '../report/formats.js';
import type { AddCommand } from './command.js';
import { load } from './load.js';
import {
  accounts,
  asOf,
  type CommonOptions,
  failOn,
  folder,
  formats,
  limits,
  noColor,
  offline,
  output,
  platforms,
  quiet,
  runtime,
  withOptions,
} from './options.js';
import { emit, sayWritten, width } from './output.js';

const VALIDATE_FORMATS = ['text', 'json', 'github'] as const;

/** The audit itself, and the check of the folder it reads. */
export function addAuditCommands(command: AddCommand): void {
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
      const [{ audit }, { reporters }, { jsonReportChunks }] = await Promise.all([
        load.audit(),
        load.reporters(),
        load.jsonReport(),
      ]);
      const rep = await audit({
        config: o.config,
        asOf: o.asOf,
        accounts: o.account,
        platforms: o.platform,
        since: o.since,
        save: o.save,
        ...runtime(o),
      });
      const { hyperlinksWanted } = await import('../util/color.js');
      const files = await emit(o, 'table', (format, color) =>
        // The JSON report goes out in pieces, not as one string of every finding.
        format === 'json'
          ? jsonReportChunks(rep)
          : reporters[format](rep, {
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
}
