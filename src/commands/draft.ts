import { basename, resolve } from 'node:path';
import { Document } from 'yaml';
import type { Entry } from '../config/types.js';
import { documentText } from '../config/yaml-write.js';
import { accountKey, sameAccount } from '../core/identity.js';
import { UsageError } from '../errors.js';
import type { Followed, Platform } from '../model.js';
import { adapters, toPlatform } from '../platforms/registry.js';
import { type DownloadList, readDownload } from '../sources/download.js';

/** One platform's list in a download `init --from` was given. */
export interface FromDownload extends DownloadList {
  /** The path as given, and as found. */
  shown: string;
  full: string;
}

/** Reads the download and picks its one following list, or the one --platform names. */
export async function readFrom(path: string, platformName?: string): Promise<FromDownload> {
  const wanted = platformName ? known(platformName) : null;
  const full = resolve(path);
  const lists = await readDownload(full, path);
  const chosen = wanted
    ? lists.find((l) => l.platform === wanted)
    : lists.length === 1
      ? lists[0]
      : undefined;
  if (chosen) return { ...chosen, shown: path, full };
  const labels = lists.map((l) => adapters[l.platform].label);
  throw new UsageError(
    wanted
      ? `${path} holds no ${adapters[wanted].label} following list (it holds ${labels.join(' and ')}'s): drop --platform or give the ${adapters[wanted].label} download`
      : `${path} holds following lists of ${labels.join(' and ')}: add --platform ${lists[0]!.platform}`,
  );
}

/**
 * An allowlist draft of everything an account follows now that no allowlist lists yet: how an
 * organization with hundreds of follows adopts the tool. Category "draft" is in no allow list,
 * so nothing in it is allowed until the committee moves each entry to a real category.
 */
export function allowlistDraft(
  from: FromDownload,
  listed: Entry[],
): { text: string; entries: number; listed: number } {
  const platform = from.platform;
  const refs = listed.flatMap((e) => e.refs.filter((r) => r.platform === platform));
  const seen = new Set<string>();
  let already = 0;
  const entries = from.list.following.flatMap((f) => {
    const key = accountKey(platform, f);
    if (key === 'name:' || seen.has(key)) return [];
    seen.add(key);
    if (refs.some((r) => sameAccount(platform, f, r))) {
      already++;
      return [];
    }
    return [entryOf(platform, f)];
  });
  const label = adapters[platform].label;
  const name = basename(from.shown);
  const doc = new Document({
    category: 'draft',
    description: `Accounts followed on ${label} according to ${name} and on no allowlist yet, for the committee to decide`,
    entries,
  });
  doc.commentBefore = [
    ' yaml-language-server: $schema=../schemas/allowlist.schema.json',
    ` Draft from ${name}: ${entries.length} accounts followed on ${label} that no allowlist lists${already ? ` (${already} more already are)` : ''}.`,
    ' The committee decides each entry: move it to a category file (with decided: and decision:),',
    ' or unfollow the account. "draft" is in no allow: list, so nothing here is allowed yet.',
  ].join('\n');
  return { text: documentText(doc), entries: entries.length, listed: already };
}

function entryOf(platform: Platform, f: Followed) {
  const ref =
    f.id || !f.handle
      ? Object.fromEntries(Object.entries({ handle: f.handle, id: f.id, name: f.name }).filter(([, v]) => v))
      : f.handle;
  const since = f.followedAt ? ` (followed since ${f.followedAt.slice(0, 10)})` : '';
  return { name: f.name ?? f.handle ?? f.id, accounts: { [platform]: ref }, note: `to decide${since}` };
}

function known(name: string): Platform {
  const platform = toPlatform(name);
  if (!platform) throw new UsageError(`unknown platform "${name}": use ${Object.keys(adapters).join(', ')}`);
  return platform;
}
