// What `update` found, for people: per shared list its state, then its changes as a table.
import Table from 'cli-table3';
import type { SharedUpdate, UpdateResult } from '../core/shared-changes.js';
import { colors } from '../util/color.js';
import { plural, sanitizeLine } from '../util/text.js';

const short = (sha256: string | null) => (sha256 ? sha256.slice(0, 12) : 'none');

function stateWords(u: SharedUpdate): string {
  switch (u.state) {
    case 'unchanged':
      return `unchanged since its pin ${short(u.pinned)}`;
    case 'changed':
      return `changed since its pin: ${short(u.pinned)} → ${short(u.sha256)}`;
    case 'new':
      return `not pinned yet; it holds ${short(u.sha256)}`;
    case 'restored':
      return `unchanged (${short(u.pinned)}), but its pinned copy is missing or damaged`;
    case 'failed':
      return `could not be fetched: ${u.error ?? 'unknown error'}`;
  }
}

export function updateTable(result: UpdateResult, write: boolean, color: boolean, width: number): string {
  const c = colors(color);
  const out: string[] = [];
  if (result.lists.length === 0)
    return 'No allowlist file includes a shared list (include: with an https URL or a path).\n';
  for (const u of result.lists) {
    const paint = u.state === 'failed' ? c.red : u.state === 'unchanged' ? c.green : c.yellow;
    if (out.length) out.push('');
    out.push(c.bold(sanitizeLine(`${u.file}: ${u.source}`)), paint(`  ${sanitizeLine(stateWords(u))}`));
    if (u.changes.length) out.push(changesTable(u, color, width));
  }
  const changed = result.lists.filter((u) => u.state !== 'unchanged' && u.state !== 'failed').length;
  const failed = result.lists.filter((u) => u.state === 'failed').length;
  const counts = [
    plural(result.lists.length, 'shared list'),
    `${changed} to pin`,
    ...(failed ? [`${failed} not fetched`] : []),
  ].join(', ');
  if (write && result.written.length)
    out.push('', `${counts}. Wrote ${result.written.join(', ')}: commit them for the committee to review.`);
  else if (changed)
    out.push(
      '',
      `${counts}. Run "follow-audit update --write" to pin what the sources hold now (comments in the allowlist files are kept).`,
    );
  else out.push('', `${counts}.`);
  return `${out.join('\n')}\n`;
}

function changesTable(u: SharedUpdate, color: boolean, width: number): string {
  const room = Math.max(60, Math.min(width, 140)) - 5;
  const fixed = [13, Math.floor(room * 0.25), 6];
  const table = new Table({
    head: ['change', 'entry', 'line', 'what'],
    style: { head: color ? ['bold'] : [], border: color ? ['grey'] : [] },
    wordWrap: true,
    colWidths: [...fixed, room - fixed.reduce((a, b) => a + b, 0)],
  });
  for (const change of u.changes) {
    // Entry names and details come from the shared list's keepers: shown, never obeyed.
    table.push([
      change.change,
      sanitizeLine(change.entry ?? '(the list)'),
      change.line === null ? '' : String(change.line),
      sanitizeLine(change.detail),
    ]);
  }
  return table.toString();
}
