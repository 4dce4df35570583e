import type { AccountChanges, EarlierFinding } from '../core/changes.js';
import { FINDING_KINDS, findingTarget, targetLabel } from '../core/findings.js';
import type { Report } from '../core/report.js';
import type { AccountRef, Platform } from '../model.js';
import { profiles } from '../platforms/profiles.js';
import { escapeMarkdown as md } from '../util/text.js';
import { HOW_TO_RECORD } from './record.js';
import {
  actions,
  decisions,
  freshness,
  hasChanges,
  locate,
  profileLink,
  sourceLabel,
  verdict,
} from './sections.js';
import { sharedFrom, sharedListNote, sharedListWords } from './shared-lists.js';
import type { Reporter } from './types.js';

/** The monthly committee report: accounts, what to unfollow, what to decide, what changed. */
export const markdown: Reporter = (report) => {
  const out = [
    `# ${md(report.organization)}: follow audit as of ${report.asOf}`,
    '',
    `**${verdict(report)}**`,
  ];
  out.push('', '| account | platform | source | list as of | complete |', '|---|---|---|---|---|');
  for (const a of report.accounts) {
    const complete = a.complete ? `yes, ${a.following} follows` : `**no**: ${md(a.error ?? 'incomplete')}`;
    out.push(
      `| ${md(a.name)} (@${md(a.handle)}) | ${profiles[a.platform].label} | ${md(sourceLabel(a))} | ${md(freshness(a, report.asOf))} | ${complete} |`,
    );
  }
  for (const a of report.accounts) for (const note of a.notes) out.push('', `_${md(a.name)}: ${md(note)}_`);
  if (report.sharedLists?.length) {
    out.push('', '**Shared lists** (audited from their pinned copies):', '');
    for (const s of report.sharedLists) {
      const note = sharedListNote(s);
      out.push(`- ${md(sharedListWords(s))}${note ? `. **${md(note)}**` : ''}`);
    }
  }
  for (const note of report.notes ?? []) out.push('', `_Not kept: ${md(note)}_`);

  const todo = actions(report);
  out.push('', `## Action checklist (${todo.length})`, '');
  if (todo.length === 0) out.push('Nothing to unfollow.');
  else
    out.push(
      'Unfollowing is its own record: the next audit sees it gone. To keep one instead, the committee decides and adds it to an allowlist (with `decided:` and `decision:`), or for a while to the exceptions in policy/policy.yaml.',
      '',
    );
  for (const f of todo) {
    const where = locate(report, f);
    out.push(
      `- [ ] Unfollow ${who(f.platform, f.target)} on ${profiles[f.platform].label} from **${md(f.account)}**: ${md(f.message)} (${FINDING_KINDS[f.kind].title}; ${md(where.file)} line ${where.line}${md(sharedFrom(where))})`,
    );
  }

  const groups = decisions(report);
  out.push('', `## Decisions needed (${groups.reduce((n, g) => n + g.items.length, 0)})`);
  if (groups.length === 0) out.push('', 'None.');
  for (const group of groups) {
    const record = [...new Set(group.items.map((d) => HOW_TO_RECORD[d.finding.kind]))];
    out.push('', `### ${group.title}`, '', `To record the decision: ${record.join('; ')}.`, '');
    for (const d of group.items) {
      out.push(
        `- [ ] ${md(d.finding.message)} (${md(d.place.file)} line ${d.place.line}${md(sharedFrom(d.place))}; ${d.accounts.map(md).join(', ')})`,
      );
    }
  }

  out.push('', '## Changes since the last audit', '', ...changes(report));
  return `${out.join('\n')}\n`;
};

/** The target as escaped text, with an autolink to its profile where one is safe to give. */
function who(platform: Platform, target: AccountRef): string {
  const link = profileLink(platform, target);
  return `${md(targetLabel(target, platform))}${link ? ` <${link}>` : ''}`;
}

function changes(report: Report): string[] {
  const c = report.changes;
  if (!c)
    return [
      'No earlier audit is kept in .follow\\-audit/reports/: the next report lists changes since this one.',
    ];
  const out = [`Compared with the audit as of ${c.since.asOf} (${md(c.since.file)}).`, ''];
  const changed = c.accounts.filter(hasChanges);
  for (const a of changed) out.push(...accountChanges(a));
  const quiet = c.accounts.filter((a) => !hasChanges(a)).map((a) => md(a.account));
  if (quiet.length) out.push(`- No changes: ${quiet.join(', ')}`);
  return out;
}

function accountChanges(a: AccountChanges): string[] {
  const name = a.account === '*' ? 'Exceptions for every account' : `**${md(a.account)}**`;
  const out = [`- ${name}${a.notCompared ? `: not compared, ${md(a.notCompared)}` : ''}`];
  const list = (title: string, items: string[]) => {
    if (items.length) out.push(`  - ${title} (${items.length}): ${items.join('; ')}`);
  };
  const platform = a.platform;
  if (platform) {
    list(
      'New follows',
      a.followed.map((f) => `${who(platform, f)}${f.finding ? ` (${FINDING_KINDS[f.finding].title})` : ''}`),
    );
    list(
      'Unfollowed',
      a.unfollowed.map((f) => who(platform, f)),
    );
  }
  const finding = (f: EarlierFinding) => `${md(findingTarget(f))}: ${md(f.message)}`;
  list('Newly lapsed', a.newlyLapsed.map(finding));
  list(
    'Resolved',
    a.resolved.map((f) => `${finding(f)} (${FINDING_KINDS[f.kind].title})`),
  );
  return out;
}
