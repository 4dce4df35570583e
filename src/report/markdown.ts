import { FINDING_KINDS, targetLabel } from '../core/findings.js';
import { adapters } from '../platforms/registry.js';
import { escapeMarkdown as md } from '../util/text.js';
import { CLASS_TITLES, groupByClass, profileLink, sourceLabel, summaryLine } from './labels.js';
import type { Reporter } from './types.js';

export const markdown: Reporter = (report) => {
  const out = [`# ${md(report.organization)}: follow audit as of ${report.asOf}`, ''];
  out.push('| account | platform | source | follows | complete |', '|---|---|---|---:|---|');
  for (const a of report.accounts) {
    out.push(
      `| ${md(a.name)} | ${adapters[a.platform].label} | ${md(sourceLabel(a))} | ${a.following} | ${a.complete ? 'yes' : `**no**: ${md(a.error ?? '')}`} |`,
    );
  }
  out.push('', `**${summaryLine(report.summary)}**`);
  for (const [cls, findings] of groupByClass(report.findings)) {
    out.push('', `## ${CLASS_TITLES[cls]} (${findings.length})`, '');
    for (const f of findings) {
      const link = profileLink(f);
      const who = link ? `[${md(targetLabel(f.target))}](<${encodeURI(link)}>)` : md(targetLabel(f.target));
      out.push(`- [ ] **${md(f.account)}** → ${who}: ${md(f.message)} (${FINDING_KINDS[f.kind].title})`);
    }
  }
  return `${out.join('\n')}\n`;
};
