import { UsageError } from '../errors.js';
import { PLATFORMS } from '../model.js';
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
  const platforms = (options.platforms ?? []).map((p) => {
    const platform = toPlatform(p);
    if (!platform) throw new UsageError(`unknown platform "${p}": use ${platformChoices()}`);
    return platform;
  });
  return config.accounts.filter(
    (a) =>
      (names.length === 0 || names.includes(a.name)) &&
      (platforms.length === 0 || platforms.includes(a.platform)),
  );
}

function platformChoices(): string {
  return `${PLATFORMS.slice(0, -1).join(', ')} or ${PLATFORMS.at(-1)}`;
}
