// The month's plan as Markdown: the body of the month's issue, a checklist whose boxes different
// people can take.

import { targetLabel } from '../core/findings.js';
import { profiles } from '../platforms/profiles.js';
import { markdownCode as code, escapeMarkdown as md } from '../util/text.js';
import type { Plan, PlanAccount } from './plan.js';

export function planMarkdown(plan: Plan): string {
  const out = [
    `# ${md(plan.title)}: ${md(plan.organization)}`,
    '',
    `Planned ${plan.asOf} for the audit of ${plan.until}. How each step is done, and who decides what: [${plan.runbook}](${plan.runbook}).`,
    '',
    '## 1. Each account’s following list',
    '',
    `| account | platform | list from | list as of | for the audit of ${plan.until} |`,
    '|---|---|---|---|---|',
  ];
  for (const a of plan.accounts) {
    out.push(
      `| ${md(a.name)} (@${md(a.handle)}) | ${profiles[a.platform].label} | ${sourceText(a)} | ${a.listDate ?? (a.api ? 'at the audit' : 'unknown')} | ${md(stateText(a))} |`,
    );
  }
  out.push('');
  const todo = plan.accounts.flatMap(accountTasks);
  if (todo.length === 0) out.push('Every list will do: nothing to download, no token missing.');
  out.push(...todo);

  out.push('', `## 2. Endorsements and exceptions ending before ${plan.until} (${plan.ending.length})`, '');
  if (plan.ending.length === 0) out.push('None.');
  for (const e of plan.ending) {
    const what =
      e.kind === 'endorsement'
        ? `${md(e.name)}’s endorsement ends on ${e.ends}`
        : `The exception letting ${md(e.account ?? '')} follow ${md(e.name)} ends on ${e.ends}`;
    const who = e.decidedBy ? ` Decided by: ${md(e.decidedBy)}.` : '';
    out.push(`- [ ] ${what} (${md(e.file)} line ${e.line}).${who} Record it: ${e.record}.`);
  }

  const from = plan.lastReport
    ? `from the audit as of ${plan.lastReport.asOf}, ${md(plan.lastReport.file)}`
    : 'no audit is saved yet';
  out.push('', `## 3. Follows to end (${plan.unfollow.length}; ${from})`, '');
  if (plan.unfollow.length === 0) out.push(plan.lastReport ? 'None.' : 'Run the audit first.');
  for (const f of plan.unfollow) {
    const link = f.link ? ` <${f.link}>` : '';
    out.push(
      `- [ ] Unfollow ${md(targetLabel(f.target, f.platform))}${link} from **${md(f.account)}** on ${profiles[f.platform].label}: ${md(f.message)} (${md(f.file)} line ${f.line}). How: ${f.how}.`,
    );
  }

  out.push('', `## 4. Decisions pending (${plan.decisions.length}; ${from})`, '');
  if (plan.decisions.length === 0) out.push('None.');
  let group = '';
  for (const d of plan.decisions) {
    if (d.group !== group) {
      group = d.group;
      if (out.at(-1) !== '') out.push('');
      out.push(`### ${md(group)}`, '');
    }
    out.push(
      `- [ ] ${md(d.message)} (${md(d.file)} line ${d.line}; ${d.accounts.map(md).join(', ')}). Record it: ${d.record}.`,
    );
  }

  out.push(
    '',
    '## 5. The audit',
    '',
    '- [ ] Once every list is in: `follow-audit audit --format markdown:report.md`, and a pull request of `.follow-audit/` (the imported lists and the saved report) for review.',
  );
  return `${out.join('\n')}\n`;
}

function sourceText(a: PlanAccount): string {
  if (a.api)
    return `API (${a.api.tokens.map((t) => `${t.name}: ${t.set ? 'set' : 'missing'}`).join(', ') || 'no token needed'})`;
  return a.source === 'import' ? 'imported download' : `file ${md(a.source)}`;
}

function stateText(a: PlanAccount): string {
  if (a.api) return missingTokens(a).length ? 'cannot be fetched: token missing' : 'fetched by the audit';
  return a.needsNew ? `new download needed: ${a.needsNew}` : 'will do';
}

const missingTokens = (a: PlanAccount) => a.api?.tokens.filter((t) => !t.set && !t.optional) ?? [];

/** The unchecked boxes one account needs this month. */
function accountTasks(a: PlanAccount): string[] {
  const who = `**${md(a.name)}** (${profiles[a.platform].label} @${md(a.handle)})`;
  const missing = missingTokens(a);
  if (a.api && missing.length) {
    return [
      `- [ ] ${who}: set ${missing.map((t) => `\`${t.name}\``).join(' and ')} for ${md(a.api.name)} as a secret of the CI job (or in \`.env\` where the audit runs; never in the repository).`,
    ];
  }
  if (!a.needsNew) return [];
  if (!a.download)
    return [`- [ ] ${who}: ${md(a.needsNew)}; this platform has no download to read: use its API.`];
  const keep =
    a.source === 'import'
      ? 'run `follow-audit import <file>`, delete the download, and open a pull request of `.follow-audit/`'
      : `save it as ${code(a.source)} (or set \`source: import\` and run \`follow-audit import <file>\`)`;
  return [
    `- [ ] ${who}: request the download (${md(a.needsNew)}): ${a.download.where}; format: ${a.download.format}. ${a.download.arrives}. When it arrives, ${keep}.`,
  ];
}
