import { POLICY_FILE } from '../config/layout.js';
import { FINDING_KINDS, findingTarget } from '../core/findings.js';
import { sanitizeLine } from '../util/text.js';
import { locate, verdict } from './sections.js';
import { editablePlace, sharedFrom } from './shared-lists.js';
import type { Reporter } from './types.js';

// Workflow command escaping, as the Actions runner's toolkit does it:
// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function annotation(
  kind: 'error' | 'warning' | 'notice',
  props: Record<string, string | number>,
  message: string,
) {
  const list = Object.entries(props).map(([k, v]) => `${k}=${property(sanitizeLine(String(v)))}`);
  return `::${kind} ${list.join(',')}::${data(sanitizeLine(message))}`;
}

/**
 * GitHub Actions annotations on the YAML line to change: the allowlist entry (lapsed, expiring,
 * handle changed), the exception, or the account in policy.yaml (not allowed, incomplete list).
 */
export const github: Reporter = (report) => {
  const lines: string[] = [];
  for (const a of report.accounts.filter((a) => !a.complete)) {
    lines.push(
      annotation(
        'error',
        { file: POLICY_FILE, line: a.line, title: `${a.name}: following list incomplete, not audited` },
        a.error ?? 'list incomplete',
      ),
    );
  }
  for (const f of report.findings) {
    const at = locate(report, f);
    const title = `${FINDING_KINDS[f.kind].title}: ${f.account} → ${findingTarget(f)}`;
    const shared = at.sharedList ? ` (${at.file}:${at.line}${sharedFrom(at)})` : '';
    lines.push(
      annotation(
        f.class === 'warning' ? 'warning' : 'error',
        { ...editablePlace(report, at), title },
        f.message + shared,
      ),
    );
  }
  for (const note of report.notes ?? [])
    lines.push(annotation('warning', { title: 'follow-audit: not kept' }, note));
  lines.push(annotation('notice', { title: 'follow-audit' }, verdict(report)));
  return `${lines.join('\n')}\n`;
};
