// `init --from <download>`: adds an account to an audit folder, new or not: a draft allowlist of
// what it follows that no allowlist lists yet, the account in policy.yaml (comments kept), and its
// following list kept as a snapshot. It never overwrites a file.
import { readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { ALLOWLIST_DIR, POLICY_FILE } from '../config/layout.js';
import { loadConfig } from '../config/load.js';
import { PLACEHOLDERS } from '../config/placeholder-values.js';
import type { Config } from '../config/types.js';
import { type NewItem, withKeyBefore, withSequenceItem } from '../config/yaml-write.js';
import { UsageError } from '../errors.js';
import type { Platform } from '../model.js';
import { writeAtomic } from '../store/files.js';
import { allowlistDraft, type FromDownload } from './draft.js';
import { type ImportResult, importDownloads } from './import.js';
import { fits } from './import-account.js';

export interface Added {
  /** file: null when every follow is on an allowlist already (no draft is written). */
  draft: { file: string | null; entries: number; listed: number };
  /** The account the download is of: found in policy.yaml, or added to it. */
  account: { name: string; added: boolean; handle: string | null; source: string };
  imported: ImportResult | null;
}

/**
 * `fresh`: the folder was made by this same run, so its template account (handle yourchapter)
 * is replaced rather than kept next to the real one.
 */
export async function addAccount(dir: string, from: FromDownload, fresh: boolean): Promise<Added> {
  const config = await loadConfig(dir);
  const existing = config.accounts.find((a) => a.platform === from.platform && fits(a, from.owner) === 'yes');
  const draft = allowlistDraft(from, config.entries);
  const draftFile = await freeName(dir, `${ALLOWLIST_DIR}/draft-${from.platform}`, '.yaml');
  let account: Added['account'];
  if (existing)
    account = { name: existing.name, added: false, handle: existing.handle, source: existing.source };
  else {
    const inside = relative(resolve(dir), from.full);
    const source = inside.startsWith('..') || isAbsolute(inside) ? 'import' : inside;
    // In a fresh folder the template account gives way to the real one, its name too.
    const staying = config.accounts.filter((a) => !(fresh && a.handle === PLACEHOLDERS.handles[0]));
    const name = freeAccountName(
      staying.map((a) => a.name),
      from.platform,
    );
    account = { name, added: true, handle: from.owner?.handle ?? null, source };
    await writeAtomic(join(dir, POLICY_FILE), await policyWith(dir, config, from, account, fresh));
  }
  if (draft.entries > 0) await writeFile(join(dir, draftFile), draft.text, { flag: 'wx' });
  const imported =
    account.source === 'import'
      ? await importDownloads([from.full], { config: dir, account: account.name })
      : null;
  const file = draft.entries > 0 ? draftFile : null;
  return { draft: { file, entries: draft.entries, listed: draft.listed }, account, imported };
}

async function policyWith(
  dir: string,
  config: Config,
  from: FromDownload,
  account: Added['account'],
  fresh: boolean,
): Promise<string> {
  const text = await readFile(join(dir, POLICY_FILE), 'utf8');
  const item: NewItem = {
    value: {
      name: account.name,
      platform: from.platform,
      handle: account.handle ?? PLACEHOLDERS.handles[0],
      ...(from.owner?.id ? { id: from.owner.id } : {}),
      source: account.source,
    },
    comments: account.handle ? {} : { handle: "the download does not say: write the account's handle here" },
  };
  const doc = parseDocument(text);
  const accounts = doc.get('accounts', true);
  const template = fresh && isSeq(accounts) ? accounts.items.findIndex(isTemplateAccount) : -1;
  const added = withSequenceItem(text, 'accounts', item, template);
  if (!added)
    throw new UsageError(
      `${POLICY_FILE}: accounts: is not written as a list of "- name: …" items, so init cannot add ${account.name} to it: add it by hand`,
    );
  if (doc.has('allow')) return added;
  // With no allow:, every category is allowed, the draft too: name the others, so it is not.
  const others = [...config.categories.keys()].filter((c) => c !== 'draft');
  return (
    withKeyBefore(
      added,
      'accounts',
      `allow: [${others.join(', ')}] # every category but the draft, which the committee has not decided`,
    ) ?? added
  );
}

const isTemplateAccount = (item: unknown) =>
  isMap(item) && item.get('handle') === PLACEHOLDERS.handles[0] && !item.has('id');

function freeAccountName(taken: string[], platform: Platform): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `chapter-${platform}` : `chapter-${platform}-${n}`;
    if (!taken.includes(name)) return name;
  }
}

async function freeName(dir: string, stem: string, ext: string): Promise<string> {
  for (let n = 1; ; n++) {
    const file = `${stem}${n === 1 ? '' : `-${n}`}${ext}`;
    const taken = await readFile(join(dir, file)).then(
      () => true,
      () => false,
    );
    if (!taken) return file;
  }
}
