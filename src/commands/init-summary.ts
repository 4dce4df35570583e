import { adapters } from '../platforms/registry.js';
import { plural } from '../util/text.js';
import type { Added } from './add-account.js';
import type { FromDownload } from './draft.js';
import { importSummary } from './import.js';
import type { InitResult } from './init.js';

/** What `init` did, in the order a volunteer does the next steps. */
export function initSummary(
  dir: string,
  made: InitResult | null,
  added: Added | null,
  from: FromDownload | null,
): string {
  const lines: string[] = [];
  if (made) {
    lines.push(
      `Wrote ${plural(made.written.length, 'file')} in ${dir}:`,
      ...made.written.map((f) => `  ${f}`),
    );
    if (made.kept.length)
      lines.push(`Kept as they were (init never overwrites a file): ${made.kept.join(', ')}`);
    if (made.ignored.length) lines.push(`Added to .gitignore: ${made.ignored.join(', ')}`);
  }
  if (added && from) {
    const label = adapters[from.platform].label;
    const a = added.account;
    const listed = added.draft.listed ? ` (${added.draft.listed} more are on allowlists already)` : '';
    lines.push(
      added.draft.file
        ? `${added.draft.file}: ${plural(added.draft.entries, 'followed account')} for the committee to decide${listed}`
        : added.draft.listed
          ? `No draft: all ${added.draft.listed} followed accounts are on allowlists already`
          : 'No draft: the download lists no followed account',
    );
    lines.push(
      a.added
        ? `policy/policy.yaml: added ${a.name} (${label} ${a.handle ? `@${a.handle}` : 'handle not in the download: write it in'}), source: ${a.source}`
        : `policy/policy.yaml: ${a.name} already audits this ${label} account; nothing to add to policy.yaml`,
    );
    if (added.imported) {
      const summary = importSummary(added.imported);
      if (summary) lines.push(summary);
      for (const f of added.imported.failures) lines.push(`Not imported: ${f.message}`);
    }
  }
  lines.push(
    made
      ? 'Next: edit policy/policy.yaml and allowlists/, then run "follow-audit validate".\n' +
          'Run "npm install" there once and commit package.json and package-lock.json with the rest:\n' +
          '"npm ci && npx follow-audit …" then runs exactly that copy, never a name looked up.'
      : 'Next: the committee decides the draft\'s entries; "follow-audit validate" checks the folder.',
  );
  return `${lines.join('\n')}\n`;
}
