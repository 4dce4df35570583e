import {
  CHECK_FORMATS,
  CHECKLIST_FORMATS,
  type CheckFormat,
  type ChecklistFormat,
} from '../report/formats.js';
import type { AddCommand } from './command.js';
import { load, outputFile } from './load.js';
import {
  asOf,
  folder,
  format,
  type MemberOptions,
  offlineAccepted,
  output,
  quiet,
  withOptions,
} from './options.js';
import { sayWritten, write } from './output.js';

/** What members use: a checklist for one account, a blank one, the members' page. */
export function addMemberCommands(command: AddCommand): void {
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
}
