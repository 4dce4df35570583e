import { loadConfig } from '../config/load.js';
import { platformNamed } from '../config/select.js';
import type { CheckResult } from '../core/check.js';
import { lookUp } from '../core/lookup.js';
import { UsageError } from '../errors.js';
import type { FollowingList, Platform } from '../model.js';
import type { ObtainOptions } from '../sources/obtain.js';
import { obtainAll } from '../sources/obtain-all.js';
import { todayOf } from '../util/days.js';

/**
 * Everything the organization's own files say about the account(s) a member names: one result
 * per platform account found (an entry's name can name several).
 */
export async function check(
  dir: string,
  refText: string,
  asOf: string | undefined,
  options: ObtainOptions,
  platformName?: string,
): Promise<CheckResult[]> {
  const platform = platformName ? platformNamed(platformName) : 'any';
  const config = await loadConfig(dir);
  const today = todayOf(config.timezone, asOf, options.now());
  // Members run this offline: the latest lists are export files and saved snapshots.
  const lists = await obtainAll(config, config.accounts, { ...options, offline: true, today });
  const listsFor = (p: Platform): (FollowingList | null)[] =>
    config.accounts.flatMap((a, i) => (a.platform === p ? [lists[i] ?? null] : []));
  const answer = lookUp(config, listsFor, today, refText, platform);
  if (answer.results.length === 0) throw new UsageError(answer.problem ?? `nothing found for ${refText}`);
  return answer.results;
}
