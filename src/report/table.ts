import Table from 'cli-table3';
import { FINDING_KINDS, targetLabel } from '../core/findings.js';
import { adapters } from '../platforms/registry.js';
import { colors } from '../util/color.js';
import { sanitizeLine, wrap } from '../util/text.js';
import { CLASS_TITLES, groupByClass, plural, sourceLabel, summaryLine } from './labels.js';
import type { Reporter } from './types.js';

/** The human report: accounts, findings grouped by class, a one-line verdict. Fits 80 columns. */
export const table: Reporter = (report, { color, width }) => {
  const c = colors(color);
  const out: string[] = [
    c.bold(`${sanitizeLine(report.organization)}: follow audit as of ${report.asOf}`),
    '',
  ];
  const accounts = new Table({
    head: ['account', 'platform', 'follows', 'status', 'source'],
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [] },
    wordWrap: true,
    wrapOnWordBoundary: false,
    colWidths: [20, 11, 9, 12, Math.max(16, Math.min(width, 120) - 58)],
  });
  for (const a of report.accounts) {
    const status = a.complete ? c.green('complete') : c.red('INCOMPLETE');
    accounts.push([
      sanitizeLine(a.name),
      adapters[a.platform].label,
      String(a.following),
      status,
      sanitizeLine(sourceLabel(a)),
    ]);
  }
  out.push(accounts.toString(), '');
  for (const a of report.accounts.filter((a) => !a.complete)) {
    out.push(
      c.red(`✗ ${sanitizeLine(a.name)} was not audited: ${sanitizeLine(a.error ?? 'list incomplete')}`),
    );
  }
  for (const a of report.accounts)
    for (const note of a.notes) out.push(c.dim(`  ${sanitizeLine(a.name)}: ${sanitizeLine(note)}`));
  const paint = { violation: c.red, lapsed: c.yellow, warning: c.cyan };
  for (const [cls, findings] of groupByClass(report.findings)) {
    out.push('', paint[cls].bold(`${CLASS_TITLES[cls]} (${findings.length})`));
    for (const f of findings) {
      const where = f.entry
        ? `  ${f.entry.file}:${f.entry.line}`
        : f.exception
          ? `  ${f.exception.file}:${f.exception.line}`
          : '';
      const head = `${sanitizeLine(f.account)} → ${sanitizeLine(targetLabel(f.target))}  ${FINDING_KINDS[f.kind].title}`;
      out.push(
        `  ${paint[cls]('•')} ${wrap(head, width - 4, '    ')}`,
        `    ${wrap(`${sanitizeLine(f.message)}${where}`, width - 4, '    ')}`,
      );
    }
  }
  const s = report.summary;
  out.push(
    '',
    `${plural(s.following, 'follow')} audited, ${s.allowed} allowed; ${summaryLine(s)}` +
      (s.incompleteAccounts
        ? c.red(`; ${plural(s.incompleteAccounts, 'account')} not obtained completely`)
        : ''),
  );
  return `${out.join('\n')}\n`;
};
