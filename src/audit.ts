import { withDotEnv } from './config/dotenv.js';
import { loadConfig } from './config/load.js';
import type { AuditedAccount, Config } from './config/types.js';
import { followKeysOf } from './core/changes.js';
import { evaluate } from './core/evaluate.js';
import { buildReport, type Report } from './core/report.js';
import { UsageError } from './errors.js';
import type { Day, FollowingList } from './model.js';
import { toPlatform } from './platforms/registry.js';
import { type ObtainOptions, obtainList } from './sources/obtain.js';
import { rememberIdentities } from './store/identities.js';
import { type HistoryOptions, withHistory } from './store/reports.js';
import { dayIn, isDay } from './util/days.js';
import { VERSION } from './version.js';

export interface AuditOptions extends Partial<ObtainOptions>, HistoryOptions {
  /** The audit folder (default: the current directory). */
  config?: string;
  /** "Today", YYYY-MM-DD; default: today in the policy's timezone. */
  asOf?: string;
  accounts?: string[];
  platforms?: string[];
}

/** Load → obtain each account's following list → evaluate → the report. */
export async function audit(options: AuditOptions = {}): Promise<Report> {
  const config = await loadConfig(options.config ?? '.');
  const context = await liveOptions(config, options);
  const today = resolveToday(config, options.asOf, context.now());
  const selected = selectAccounts(config, options);
  const lists = await rememberIdentities(
    config.dir,
    await obtainAll(config, selected, { ...context, today }),
    context.now(),
  );
  const report = buildReport(config, lists, evaluate(config, lists, today), today, VERSION);
  return withHistory(config.dir, report, followKeysOf(lists), options, context.now());
}

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
  };
}

/** obtainOptions, with the tokens of the audit folder's .env file under the real environment. */
export async function liveOptions(config: Config, options: Partial<ObtainOptions>): Promise<ObtainOptions> {
  return obtainOptions({ ...options, env: await withDotEnv(config.dir, options.env ?? process.env) });
}

export function resolveToday(config: Config, asOf: string | undefined, now: Date): Day {
  if (asOf === undefined) return dayIn(config.timezone, now);
  if (!isDay(asOf))
    throw new UsageError(`--as-of ${JSON.stringify(asOf)} is not a date: write it as YYYY-MM-DD`);
  return asOf;
}

export function selectAccounts(
  config: Config,
  options: Pick<AuditOptions, 'accounts' | 'platforms'>,
): AuditedAccount[] {
  const names = options.accounts ?? [];
  for (const name of names) {
    if (!config.accounts.some((a) => a.name === name)) {
      throw new UsageError(
        `no account is named "${name}" in policy.yaml (accounts: ${config.accounts.map((a) => a.name).join(', ')})`,
      );
    }
  }
  const platforms = (options.platforms ?? []).map((p) => {
    const platform = toPlatform(p);
    if (!platform)
      throw new UsageError(
        `unknown platform "${p}": use x, bluesky, mastodon, instagram, facebook, youtube, tiktok, twitch or threads`,
      );
    return platform;
  });
  return config.accounts.filter(
    (a) =>
      (names.length === 0 || names.includes(a.name)) &&
      (platforms.length === 0 || platforms.includes(a.platform)),
  );
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
