import type { AuditOptions } from '../audit.js';
import { loadConfig } from '../config/load.js';
import { selectAccounts } from '../config/select.js';
import { UsageError } from '../errors.js';
import { type FollowingList, followingList } from '../model.js';
import { adapters } from '../platforms/registry.js';
import { liveOptions, obtainAll } from '../sources/obtain-all.js';
import { Keeper, removeAbandonedTemps } from '../store/keep.js';
import { SNAPSHOT_DIR } from '../store/layout.js';
import { snapshotLabel } from '../store/snapshots.js';
import { sanitizeLine } from '../util/text.js';

/** Fetches the selected `source: api` accounts live and saves their snapshots; audits nothing. */
export async function fetchLists(options: AuditOptions): Promise<FollowingList[]> {
  if (options.offline) throw new UsageError('fetch needs the network: run it without --offline');
  const config = await loadConfig(options.config ?? '.');
  await removeAbandonedTemps(config.dir);
  const selected = selectAccounts(config, options).filter((a) => a.source === 'api');
  if (selected.length === 0)
    throw new UsageError('no selected account has source: api in policy.yaml, so there is nothing to fetch');
  const live = selected.filter((a) => adapters[a.platform].fetchFollowing);
  const lists = await obtainAll(config, live, await liveOptions(config, options));
  return selected.map(
    (account) =>
      lists.find((l) => l.account === account.name) ??
      followingList(account, {
        source: 'api',
        incomplete: `${adapters[account.platform].label} cannot be fetched live: ${adapters[account.platform].exportHelp}, then set source: to the file`,
      }),
  );
}

/**
 * One line per account: how many it follows, whether the list is complete or why not, and
 * whether its snapshot was kept; then what could not be kept, and why.
 */
export function fetchSummary(lists: FollowingList[], keeper = new Keeper()): string {
  const lines = lists.map((l) => {
    const head = `${l.account} (${adapters[l.platform].label}): ${l.following.length} followed`;
    const saved = keeper.lost(snapshotLabel(l.account))
      ? 'NOT saved'
      : `saved in ${SNAPSHOT_DIR}/${l.account}/`;
    const state = l.complete ? `complete, ${saved}` : `INCOMPLETE: ${l.error ?? 'unknown reason'}`;
    return sanitizeLine(`${head}, ${state}`);
  });
  return [...lines, ...keeper.notes().map(sanitizeLine)].join('\n');
}
