import type { Problem } from '../errors.js';
import type { Platform } from '../model.js';
import { adapters, toPlatform } from '../platforms/registry.js';
import { looksLikeUrl, stripAt } from '../platforms/urls.js';
import { parsed } from '../util/parsed.js';
import type { PolicyFile } from './policy-schema.js';
import type { AuditedAccount, Category } from './types.js';
import type { YamlFile } from './yaml-file.js';

/** The audited accounts of policy.yaml, and the categories they may follow unless they say otherwise. */
export function buildAccounts(
  file: YamlFile,
  policy: PolicyFile,
  problems: Problem[],
  categories: ReadonlyMap<string, Category>,
): { allow: string[]; accounts: AuditedAccount[] } {
  const known = [...categories.keys()].sort();
  const checkAllow = (allow: string[] | undefined, path: PropertyKey[]) =>
    allow?.forEach((c, i) => {
      if (!categories.has(c)) {
        problems.push(
          file.problem(
            [...path, i],
            `unknown category "${c}": no allowlist defines it (known: ${known.join(', ') || 'none'})`,
          ),
        );
      }
    });
  checkAllow(policy.allow, ['allow']);
  const allow = policy.allow ?? known;

  const names = new Map<string, number>();
  const accounts = policy.accounts.map((a, i): AuditedAccount => {
    const path = ['accounts', i];
    const platform = toPlatform(a.platform) as Platform;
    const adapter = adapters[platform];
    const earlier = names.get(a.name);
    if (earlier !== undefined) {
      const other = policy.accounts[earlier]!;
      problems.push(
        file.problem(
          [...path, 'name'],
          `"${a.name}" is already the name of the ${adapters[toPlatform(other.platform) as Platform].label} account ${other.handle} (line ${file.itemLine('accounts', earlier)}): give each account a name of its own`,
        ),
      );
    } else names.set(a.name, i);
    checkAllow(a.allow, [...path, 'allow']);
    const own = parsed(adapter.parse(a.handle));
    if (!own.ok) problems.push(file.problem([...path, 'handle'], own.problem));
    const source = a.source ?? (adapter.fetchFollowing ? 'api' : null);
    if (source === null || (source === 'api' && !adapter.fetchFollowing)) {
      problems.push(
        file.problem(
          a.source ? [...path, 'source'] : path,
          `${adapter.label} has no API for the following list: set source: import (and run "follow-audit import" on each download), or source: to the export file. ${adapter.exportHelp}`,
        ),
      );
    }
    if (a.plc_url && platform !== 'bluesky')
      problems.push(
        file.problem(
          [...path, 'plc_url'],
          `only Bluesky accounts have a DID directory to find their server: remove plc_url from this ${adapter.label} account`,
        ),
      );
    if (a.as_of && (source === 'api' || source === 'import'))
      problems.push(
        file.problem(
          [...path, 'as_of'],
          `as_of is the day a file that records no date describes, but this account's list ${source === 'api' ? 'is fetched through the API' : 'comes from its imports'}, which record their own day: remove as_of`,
        ),
      );
    const ownHandle = own.ok ? (own.value.handle ?? a.handle) : a.handle;
    return {
      name: a.name,
      platform,
      handle: ownHandle,
      shownHandle: looksLikeUrl(a.handle) && own.ok ? ownHandle : stripAt(a.handle),
      id: a.id ?? (own.ok ? own.value.id : null),
      source: source ?? '',
      apiUrl: a.api_url ?? null,
      ...(a.plc_url ? { plcUrl: a.plc_url } : {}),
      allow: a.allow ?? allow,
      contact: a.contact ?? null,
      maxAgeDays: a.max_age_days ?? policy.max_age_days,
      asOf: a.as_of ?? null,
      note: a.note ?? null,
      position: { file: file.file, ...file.at(path) },
    };
  });
  return { allow, accounts };
}
