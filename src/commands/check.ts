import { obtainAll, resolveToday } from '../audit.js';
import { loadConfig } from '../config/load.js';
import { type CheckResult, judgeRef } from '../core/check.js';
import { UsageError } from '../errors.js';
import { parsePlatformRef } from '../platforms/profiles.js';
import type { ObtainOptions } from '../sources/obtain.js';

/** Everything the organization's own files say about one account a member finds questionable. */
export async function check(
  dir: string,
  refText: string,
  asOf: string | undefined,
  options: ObtainOptions,
): Promise<CheckResult> {
  const ref = parsePlatformRef(refText);
  if (typeof ref === 'string') throw new UsageError(ref);
  const config = await loadConfig(dir);
  const today = resolveToday(config, asOf, options.now());
  const accounts = config.accounts.filter((a) => a.platform === ref.platform);
  // Members run this offline: the latest lists are export files and saved snapshots.
  const lists = await obtainAll(config, accounts, { ...options, offline: true });
  return judgeRef(config, lists, today, ref);
}
