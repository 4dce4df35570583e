import { basename } from 'node:path';
import { Document } from 'yaml';
import { platformNamed } from '../config/select.js';
import type { AuditedAccount } from '../config/types.js';
import { accountKey } from '../core/identity.js';
import { UsageError } from '../errors.js';
import type { Followed, Platform } from '../model.js';
import { adapters } from '../platforms/registry.js';
import { detectPlatforms, exportFile } from '../sources/exports.js';
import { MAX_SOURCE_BYTES, readListFile } from '../sources/file.js';
import { NotARegularFile, readRegularFile } from '../util/regular-file.js';

export const DRAFT_FILE = 'allowlists/draft.yaml';

/**
 * An allowlist draft of everything an account follows now, from its export: how an organization
 * with hundreds of follows adopts the tool. Category "draft" is in no allow list, so nothing in
 * it is allowed until the committee moves each entry to a real category.
 */
export async function allowlistDraft(
  path: string,
  platformName?: string,
): Promise<{ text: string; entries: number }> {
  const platform = platformName ? platformNamed(platformName) : await platformOf(path);
  const account: AuditedAccount = {
    name: 'draft',
    platform,
    handle: '',
    id: null,
    source: path,
    apiUrl: null,
    allow: [],
    note: null,
    position: { file: path, line: 0, column: 0 },
  };
  const list = await readListFile('', path, account);
  const seen = new Set<string>();
  const entries = list.following.flatMap((f) => {
    const key = accountKey(platform, f);
    if (key === 'name:' || seen.has(key)) return [];
    seen.add(key);
    return [entryOf(platform, f)];
  });
  const label = adapters[platform].label;
  const doc = new Document({
    category: 'draft',
    description: `Every account followed on ${label} according to ${basename(path)}, for the committee to decide`,
    entries,
  });
  doc.commentBefore = [
    ' yaml-language-server: $schema=../schemas/allowlist.schema.json',
    ` Draft from ${basename(path)}: ${entries.length} accounts followed on ${label}.`,
    ' The committee decides each entry: move it to a category file (with decided: and decision:),',
    ' or unfollow the account. "draft" is in no allow: list, so nothing here is allowed yet.',
  ].join('\n');
  return { text: doc.toString({ lineWidth: 0 }), entries: entries.length };
}

function entryOf(platform: Platform, f: Followed) {
  const ref =
    f.id || !f.handle
      ? Object.fromEntries(Object.entries({ handle: f.handle, id: f.id, name: f.name }).filter(([, v]) => v))
      : f.handle;
  const since = f.followedAt ? ` (followed since ${f.followedAt.slice(0, 10)})` : '';
  return { name: f.name ?? f.handle ?? f.id, accounts: { [platform]: ref }, note: `to decide${since}` };
}

async function platformOf(path: string): Promise<Platform> {
  const bytes = await readRegularFile(path, MAX_SOURCE_BYTES).catch((error: unknown) => {
    throw new UsageError(
      error instanceof NotARegularFile
        ? `${path} ${error.message}`
        : `${path} cannot be read: check the path given to --from`,
    );
  });
  const found = detectPlatforms(exportFile(path, path, bytes), MAX_SOURCE_BYTES);
  if (found.length === 1) return found[0]!;
  throw new UsageError(
    found.length
      ? `${path} holds following lists of ${found.map((p) => adapters[p].label).join(' and ')}: add --platform ${found[0]}`
      : `cannot tell which platform ${path} is from: add --platform (x, instagram, …)`,
  );
}
