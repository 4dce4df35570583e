import { UsageError } from '../errors.js';
import { PLATFORM_CHOICES, type Platform } from '../model.js';
import { toPlatform } from '../platforms/profiles.js';
import type { AuditedAccount, Config } from './types.js';

/** The accounts `--account` and `--platform` choose (every account when neither is given). */
export function selectAccounts(
  config: Config,
  options: { accounts?: string[]; platforms?: string[] },
): AuditedAccount[] {
  const names = options.accounts ?? [];
  for (const name of names) {
    if (!config.accounts.some((a) => a.name === name)) {
      throw new UsageError(
        `no account is named "${name}" in policy.yaml (accounts: ${config.accounts.map((a) => a.name).join(', ')})`,
      );
    }
  }
  const platforms = (options.platforms ?? []).map(platformNamed);
  return config.accounts.filter(
    (a) =>
      (names.length === 0 || names.includes(a.name)) &&
      (platforms.length === 0 || platforms.includes(a.platform)),
  );
}

/** The platform a command-line option names; a name no platform has is the user's mistake. */
export function platformNamed(name: string): Platform {
  const platform = toPlatform(name);
  if (!platform) throw new UsageError(`unknown platform "${name}": use ${PLATFORM_CHOICES}`);
  return platform;
}
