import type { AccountChanges } from '../core/changes.js';
import { FINDING_KINDS, findingTarget, targetLabel } from '../core/findings.js';
import { profiles } from '../platforms/profiles.js';
import { colors, hyperlink } from '../util/color.js';
import { plural, sanitizeLine, wrap } from '../util/text.js';
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

/** The terminal report: the Markdown report's sections, compact, wrapped to the terminal's width. */
export const table: Reporter = (report, { color, width, links }) => {
  const c = colors(color);
  const cols = Math.max(40, Math.min(width, 100));
  const title = sanitizeLine(`${report.organization}: follow audit as of ${report.asOf}`);
  const out: string[] = wrap(title, cols).map((l) => c.bold(l));
  /** `link` (from profileLink: percent-encoded) links the head's leading `label`, or gets a line. */
  const item = (mark: string, head: string, tail?: string, link?: string | null, label?: string) => {
    const lines = wrap(sanitizeLine(head), cols - 4);
    const shown = label === undefined ? '' : sanitizeLine(label);
    const onLabel = !!(link && links && shown && lines[0]!.startsWith(shown));
    if (onLabel) lines[0] = hyperlink(link!, shown) + lines[0]!.slice(shown.length);
    out.push(...lines.map((l, i) => (i ? `    ${l}` : `  ${mark} ${l}`)));
    if (tail) out.push(...wrap(sanitizeLine(tail), cols - 4).map((l) => c.dim(`    ${l}`)));
    if (link && !onLabel) out.push(`    ${links ? hyperlink(link, link) : link}`);
  };

  out.push('', c.bold('Accounts'));
  for (const a of report.accounts) {
    const state = a.complete ? plural(a.following, 'follow') : `NOT AUDITED: ${a.error ?? 'list incomplete'}`;
    item(
      a.complete ? c.green('✓') : c.red('✗'),
      `${a.name} (${profiles[a.platform].label} @${a.handle}): ${state}`,
      [`${sourceLabel(a)}, list as of: ${freshness(a, report.asOf)}`, ...a.notes].join('; '),
    );
  }

  if (report.sharedLists?.length) {
    out.push('', c.bold('Shared lists (audited from their pinned copies)'));
    for (const s of report.sharedLists) {
      const note = sharedListNote(s);
      item(note ? c.yellow('!') : c.green('✓'), sharedListWords(s), note ?? undefined);
    }
  }

  const todo = actions(report);
  out.push('', c.bold(`Act now: unfollow (${todo.length})`));
  if (todo.length === 0) out.push('  nothing to unfollow');
  for (const f of todo) {
    const at = locate(report, f);
    item(
      f.class === 'violation' ? c.red('✗') : c.yellow('✗'),
      `${findingTarget(f)} on ${profiles[f.platform].label} from ${f.account}: ${FINDING_KINDS[f.kind].title}`,
      `${f.message} (${at.file}:${at.line}${sharedFrom(at)})`,
      profileLink(f.platform, f.target),
      findingTarget(f),
    );
  }

  const groups = decisions(report);
  out.push('', c.bold(`Decisions needed (${groups.reduce((n, g) => n + g.items.length, 0)})`));
  if (groups.length === 0) out.push('  none');
  for (const group of groups) {
    out.push(c.italic(`  ${group.title}:`));
    for (const d of group.items)
      item(
        c.cyan('?'),
        d.finding.message,
        `${d.place.file}:${d.place.line}${sharedFrom(d.place)}; ${d.accounts.join(', ')}`,
        profileLink(d.finding.platform, d.finding.target),
      );
  }

  const changes = report.changes;
  out.push('', c.bold(changes ? `Changes since the audit as of ${changes.since.asOf}` : 'Changes'));
  if (!changes) out.push('  no earlier audit kept: the next run lists changes since this one');
  else {
    const changed = changes.accounts.filter(hasChanges);
    if (changed.length === 0) out.push('  none');
    for (const a of changed) item('•', summarize(a));
  }

  if (report.notes?.length) {
    out.push('', c.bold('Not kept'));
    for (const note of report.notes) item('!', note);
  }

  const line = verdict(report);
  const s = report.summary;
  const paint = s.incompleteAccounts || s.unknown || actions(report).length ? c.red : c.green;
  out.push('', ...wrap(sanitizeLine(line), cols).map((l) => paint.bold(l)));
  return `${out.join('\n')}\n`;
};

function summarize(a: AccountChanges): string {
  if (a.notCompared) return `${a.account}: not compared (${a.notCompared})`;
  const labels = (refs: Parameters<typeof targetLabel>[0][]) =>
    refs.map((r) => targetLabel(r, a.platform)).join(', ');
  const parts = [
    a.followed.length && `+${plural(a.followed.length, 'follow')} (${labels(a.followed)})`,
    a.unfollowed.length && `-${plural(a.unfollowed.length, 'unfollow')} (${labels(a.unfollowed)})`,
    a.newlyLapsed.length && `newly lapsed: ${labels(a.newlyLapsed.map((f) => f.target))}`,
    a.resolved.length &&
      `resolved: ${a.resolved.map((f) => `${findingTarget(f)} (${FINDING_KINDS[f.kind].title})`).join(', ')}`,
  ].filter(Boolean);
  return `${a.account === '*' ? 'every account' : a.account}: ${parts.join('; ')}`;
}
