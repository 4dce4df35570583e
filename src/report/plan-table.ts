// The month's plan on a terminal: the accounts as a table, then the counts of what is to do.
import Table from 'cli-table3';
import { profiles } from '../platforms/profiles.js';
import { colors } from '../util/color.js';
import { plural, sanitizeLine } from '../util/text.js';
import type { Plan } from './plan.js';

export function planTable(plan: Plan, color: boolean, width: number): string {
  const c = colors(color);
  const table = new Table({
    head: ['account', 'list from', 'as of', `for ${plan.until}`],
    style: { head: color ? ['bold'] : [], border: color ? ['grey'] : [] },
    wordWrap: true,
    colWidths: columns(width),
  });
  for (const a of plan.accounts) {
    const missing = a.api?.tokens.filter((t) => !t.set && !t.optional).map((t) => t.name) ?? [];
    const state = a.api
      ? missing.length
        ? c.red(`${missing.join(', ')} missing`)
        : 'fetched by the audit'
      : a.needsNew
        ? c.yellow(`download again: ${a.needsNew}`)
        : c.green('will do');
    const from = a.api ? `API (${a.api.tokens.map((t) => t.name).join(', ') || 'no token'})` : a.source;
    const who = `${sanitizeLine(a.name)}\n${profiles[a.platform].label} @${sanitizeLine(a.handle)}`;
    table.push([who, ...[from, a.listDate ?? 'unknown', state].map(sanitizeLine)]);
  }
  const lines = [
    sanitizeLine(`${plan.title}: ${plan.organization} (planned ${plan.asOf}, next audit ${plan.until})`),
    table.toString(),
    `${plural(plan.ending.length, 'endorsement or exception', 'endorsements or exceptions')} ending before ${plan.until}`,
    plan.lastReport
      ? `${plural(plan.unfollow.length, 'follow')} to end, ${plural(plan.decisions.length, 'decision')} pending (audit as of ${plan.lastReport.asOf})`
      : 'No audit saved yet: run follow-audit audit',
    `The checklist: follow-audit plan --format markdown; how each step is done: ${plan.runbook}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Four columns that fit the terminal (at least 60 wide). */
function columns(width: number): number[] {
  const room = Math.max(60, Math.min(width, 140)) - 5;
  return [
    Math.floor(room * 0.3),
    Math.floor(room * 0.25),
    12,
    room - Math.floor(room * 0.3) - Math.floor(room * 0.25) - 12,
  ];
}
