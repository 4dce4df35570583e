import { POLICY_FILE } from '../config/load.js';
import { FINDING_KINDS, targetLabel } from '../core/findings.js';
import { sanitizeLine } from '../util/text.js';
import type { Reporter } from './types.js';

const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands, pointing at the YAML line to change. */
export const github: Reporter = (report) => {
  const lines: string[] = [];
  for (const a of report.accounts.filter((a) => !a.complete)) {
    lines.push(
      `::error file=${property(POLICY_FILE)},line=${a.line},title=${property(`${a.name}: list incomplete`)}::${data(sanitizeLine(a.error ?? ''))}`,
    );
  }
  for (const f of report.findings) {
    const account = report.accounts.find((a) => a.name === f.account);
    const at = f.entry ?? f.exception ?? { file: POLICY_FILE, line: account?.line ?? 1 };
    const command = f.class === 'warning' ? 'warning' : 'error';
    const title = `${FINDING_KINDS[f.kind].title}: ${f.account} → ${targetLabel(f.target)}`;
    lines.push(
      `::${command} file=${property(at.file)},line=${at.line},title=${property(sanitizeLine(title))}::${data(sanitizeLine(f.message))}`,
    );
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
