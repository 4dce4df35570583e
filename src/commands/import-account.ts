// Which audited account a download belongs to. What the download's content says about its owner
// decides; its file name (which people rename) only where the content says nothing; --account
// where neither tells, and never against the content.
import type { AuditedAccount, Config } from '../config/types.js';
import { sameAccount } from '../core/identity.js';
import type { Platform } from '../model.js';
import { adapters } from '../platforms/registry.js';
import type { DownloadOwner } from '../sources/download.js';
import { plural } from '../util/text.js';

type Fit = 'yes' | 'no' | 'unknown';

/** Whether an account is the download's owner: ids decide when both sides have one, else handles. */
export function fits(account: AuditedAccount, owner: DownloadOwner | null): Fit {
  if (!owner) return 'unknown';
  const known = { id: owner.id, handle: owner.handle };
  if (!(owner.id && account.id) && !owner.handle) return 'unknown';
  return sameAccount(account.platform, known, { id: account.id, handle: account.handle }) ? 'yes' : 'no';
}

export type Choice = { account: AuditedAccount; note: string | null } | { refused: string };

/** The account a platform's list in a download goes to, or why none can be chosen. */
export function chooseAccount(
  config: Config,
  platform: Platform,
  owner: DownloadOwner | null,
  wanted: string | undefined,
  shown: string,
): Choice {
  const label = adapters[platform].label;
  const whose = describeOwner(platform, owner);
  if (wanted !== undefined) {
    const account = config.accounts.find((a) => a.name === wanted)!;
    if (owner?.from === 'content' && fits(account, owner) === 'no') {
      return {
        refused: `${shown} is the ${label} download of ${whose}, but --account ${wanted} is ${handleOf(account)}: import it for its own account, or correct handle:/id: of ${wanted} in policy.yaml`,
      };
    }
    return { account, note: noteFor(account, owner) };
  }
  const candidates = config.accounts.filter((a) => a.platform === platform);
  if (candidates.length === 0) {
    return {
      refused: `${shown} is a ${label} download${whose ? ` of ${whose}` : ''}, but policy.yaml has no ${label} account (accounts: ${listAccounts(config.accounts)}): add it to policy.yaml first`,
    };
  }
  const yes = candidates.filter((a) => fits(a, owner) === 'yes');
  const open = yes.length > 0 ? yes : candidates.filter((a) => fits(a, owner) === 'unknown');
  if (open.length === 1) return { account: open[0]!, note: noteFor(open[0]!, owner) };
  if (open.length === 0) {
    const rename =
      owner?.from === 'name' ? ' (read from its file name), or pass --account NAME if it is one of them' : '';
    return {
      refused: `${shown} is the ${label} download of ${whose}, which is none of the ${label} accounts in policy.yaml: ${listAccounts(candidates)}. Add that account to policy.yaml${rename}`,
    };
  }
  return {
    refused: `${shown} is a ${label} download that ${whose ? `names ${whose}, which fits` : 'does not say whose it is, and fits'} ${plural(open.length, `${label} account`)}: ${listAccounts(open)}. Run again with --account NAME`,
  };
}

function noteFor(account: AuditedAccount, owner: DownloadOwner | null): string | null {
  if (owner?.id && !account.id && !owner.handle) {
    return `the download belongs to ${owner.id}: add id: "${owner.id}" to ${account.name} in policy.yaml, so that import can check whose a download is`;
  }
  if (owner?.from === 'name' && fits(account, owner) === 'no')
    return `its file name names @${owner.handle}, not ${handleOf(account)}: imported for ${account.name} as --account says`;
  return null;
}

function describeOwner(platform: Platform, owner: DownloadOwner | null): string {
  if (!owner) return '';
  const handle = owner.handle ? `@${owner.handle}` : null;
  const id = owner.id ? (platform === 'bluesky' ? owner.id : `id ${owner.id}`) : null;
  return handle && id ? `${handle} (${id})` : (handle ?? id ?? '');
}

const handleOf = (a: AuditedAccount) => `@${a.shownHandle ?? a.handle}${a.id ? ` (${a.id})` : ''}`;

const listAccounts = (accounts: AuditedAccount[]) =>
  accounts.map((a) => `${a.name} (${adapters[a.platform].label} ${handleOf(a)})`).join(', ') || 'none';
