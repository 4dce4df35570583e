import { visibleHandle } from '../core/identity.js';
import type { Followed, Platform } from '../model.js';
import { adapters } from '../platforms/registry.js';
import { colors } from '../util/color.js';
import { sanitizeLine } from '../util/text.js';
import type { DiffResult } from './diff.js';

/** The diff for people: per account, the period, then + followed and − unfollowed accounts. */
export function diffTable(result: DiffResult, color: boolean): string {
  const c = colors(color);
  const out: string[] = [];
  for (const d of result.accounts) {
    const label = sanitizeLine(`${d.account} (${adapters[d.platform].label})`);
    if (!d.from || !d.to) {
      out.push(`${label}: ${sanitizeLine(d.error ?? '')}`);
      continue;
    }
    out.push(
      sanitizeLine(
        `${label} ${d.from.listDate ?? d.from.fetchedAt} → ${d.to.listDate ?? d.to.fetchedAt}: ${d.followed.length} followed, ${d.unfollowed.length} unfollowed`,
      ),
    );
    if (d.error) out.push(c.yellow(`  ${sanitizeLine(d.error)}`));
    for (const f of d.followed) out.push(`  ${c.green('+')} ${describe(f, d.platform)}`);
    for (const f of d.unfollowed) out.push(`  ${c.red('-')} ${describe(f, d.platform)}`);
  }
  return `${out.join('\n')}\n`;
}

/** A follow as the reports show it: a handle beyond ASCII that could pass for another with its code points. */
function describe(f: Followed, platform: Platform): string {
  const handle = f.handle?.replace(/^@/, '');
  const who = handle ? `@${visibleHandle(platform, handle)}` : f.id ? `id ${f.id}` : (f.name ?? '?');
  const extras = [f.handle && f.name ? f.name : null, f.handle && f.id ? `id ${f.id}` : null].filter(Boolean);
  return sanitizeLine(extras.length ? `${who}  (${extras.join(', ')})` : who);
}
