import { withDotEnv } from '../config/dotenv.js';
import type { AuditedAccount, Config } from '../config/types.js';
import type { FollowingList } from '../model.js';
import { Keeper } from '../store/keep.js';
import { type ObtainOptions, obtainList } from './obtain.js';

export function obtainOptions(options: Partial<ObtainOptions>): ObtainOptions {
  return {
    offline: options.offline ?? false,
    env: options.env ?? process.env,
    fetch: options.fetch ?? globalThis.fetch,
    now: options.now ?? (() => new Date()),
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    maxWaitSeconds: options.maxWaitSeconds ?? 900,
    maxCostUsd: options.maxCostUsd ?? 0,
    interactive: options.interactive ?? false,
    progress: options.progress ?? (() => {}),
    confirm: options.confirm,
    keeper: options.keeper ?? new Keeper(),
  };
}

/** obtainOptions, with the tokens of the audit folder's .env file under the real environment. */
export async function liveOptions(config: Config, options: Partial<ObtainOptions>): Promise<ObtainOptions> {
  return obtainOptions({ ...options, env: await withDotEnv(config.dir, options.env ?? process.env) });
}

/** Obtains the lists a few at a time, keeping the policy's order. */
export async function obtainAll(
  config: Config,
  accounts: AuditedAccount[],
  options: ObtainOptions,
): Promise<FollowingList[]> {
  const lists: FollowingList[] = new Array(accounts.length);
  let next = 0;
  const worker = async () => {
    while (next < accounts.length) {
      const i = next++;
      lists[i] = await obtainList(config, accounts[i]!, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, accounts.length) }, worker));
  return lists;
}
