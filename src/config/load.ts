import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, type Problem } from '../errors.js';
import type { Platform } from '../model.js';
import { an } from '../platforms/define.js';
import { adapters, parsePlatformRef, toPlatform } from '../platforms/registry.js';
import { looksLikeUrl, stripAt } from '../platforms/urls.js';
import { ALLOWLIST_DIR, POLICY_FILE } from './layout.js';
import { type PolicyFile, policySchema } from './policy-schema.js';
import { toEntryRef } from './refs.js';
import { type LoadedList, nameIncluders, readLists } from './shared-lists.js';
import type { AuditedAccount, Category, Config, Entry, EntryRef, Exception } from './types.js';
import { YamlFile } from './yaml-file.js';

/** Larger YAML files are refused: a policy is written by hand. */
const MAX_YAML_BYTES = 10 * 1024 * 1024;

/** Loads and checks policy.yaml and every allowlist; throws one ConfigError with every problem. */
export async function loadConfig(dir: string): Promise<Config> {
  const problems: Problem[] = [];
  const policyYaml = await readYaml(dir, POLICY_FILE, problems);
  const allowlistYamls = await readAllowlists(dir, problems);

  const policy = policyYaml?.validate(policySchema) ?? null;
  const lists = await readLists(dir, allowlistYamls, problems);
  for (const y of [policyYaml, ...allowlistYamls]) if (y) problems.push(...y.problems);

  const { entries, categories } = collectEntries(lists, problems);
  nameIncluders(problems, lists);
  if (!policy || !policyYaml) throw new ConfigError(problems);
  const sharedLists = lists.flatMap((l) => (l.shared ? [l.shared] : []));
  const config: Config = {
    ...buildConfig(dir, policy, policyYaml, entries, categories, problems),
    sharedLists,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

async function readYaml(dir: string, file: string, problems: Problem[]): Promise<YamlFile | null> {
  let text: string;
  try {
    // The size is checked before reading, so a huge file is refused without filling memory.
    if ((await stat(join(dir, file))).size > MAX_YAML_BYTES) {
      problems.push({
        file,
        line: 0,
        column: 0,
        message: `is larger than 10 MB: this is not a hand-written policy file`,
      });
      return null;
    }
    text = await readFile(join(dir, file), 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const message = missing
      ? file === POLICY_FILE
        ? `not found in ${dir}: run "follow-audit init" to start one, or pass -C <folder> to point at yours`
        : 'not found'
      : `cannot be read: ${(error as Error).message}`;
    problems.push({ file, line: 0, column: 0, message });
    return null;
  }
  // Allowlists run to thousands of entries: they take the fast reader when they are plain YAML.
  return new YamlFile(file, text, file !== POLICY_FILE);
}

async function readAllowlists(dir: string, problems: Problem[]): Promise<YamlFile[]> {
  let names: string[];
  try {
    names = (await readdir(join(dir, ALLOWLIST_DIR))).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch {
    problems.push({
      file: `${ALLOWLIST_DIR}/`,
      line: 0,
      column: 0,
      message:
        'folder not found: create it with one YAML file per category (follow-audit init writes examples)',
    });
    return [];
  }
  const files = await Promise.all(names.map((n) => readYaml(dir, `${ALLOWLIST_DIR}/${n}`, problems)));
  return files.filter((f): f is YamlFile => f !== null);
}

function collectEntries(lists: LoadedList[], problems: Problem[]) {
  const entries: Entry[] = [];
  const categories = new Map<string, Category>();
  const claimed = new Map<string, Entry>();
  for (const { yaml, data, shared, excluded } of lists) {
    if (!data) {
      // Still learn the category of a broken file, so `allow` does not cascade into more errors.
      const name = /^category:\s*["']?([A-Za-z0-9._-]+)/m.exec(yaml.text)?.[1];
      if (name && !categories.has(name))
        categories.set(name, { name, description: null, files: [yaml.file] });
      continue;
    }
    const category = categories.get(data.category) ?? { name: data.category, description: null, files: [] };
    category.description ??= data.description ?? null;
    category.files.push(shared?.file ?? yaml.file);
    categories.set(data.category, category);
    data.entries.forEach((written, i) => {
      if (excluded.has(i)) return;
      const entry: Entry = {
        name: written.name,
        category: data.category,
        file: yaml.file,
        line: yaml.itemLine('entries', i),
        refs: [],
        endorsement: written.endorsement
          ? {
              level: written.endorsement.level ?? null,
              office: written.endorsement.office ?? null,
              endorsed: written.endorsement.endorsed ?? null,
              expires: written.endorsement.expires,
              retracted: retraction(written.endorsement.retracted),
            }
          : null,
        decided: written.decided ?? null,
        decision: written.decision ?? null,
        note: written.note ?? null,
        ...(shared ? { sharedList: shared.file } : {}),
      };
      for (const [key, value] of Object.entries(written.accounts)) {
        if (value === undefined) continue;
        const platform = toPlatform(key) as Platform;
        const values = Array.isArray(value) ? value : [value];
        values.forEach((input, j) => {
          const path = () => ['entries', i, 'accounts', key, ...(Array.isArray(value) ? [j] : [])];
          const ref = toEntryRef(platform, input);
          if (typeof ref === 'string') {
            problems.push(yaml.problem(path(), ref));
            return;
          }
          // A shared list is checked on its own: an account both it and our files list is no typo.
          const scope = `${shared?.file ?? ''}|${data.category}`;
          for (const key of refKeys(ref)) {
            const other = claimed.get(`${scope}|${key}`);
            if (other && other !== entry) {
              problems.push(
                yaml.problem(
                  path(),
                  `${key} is already in entry "${other.name}" (${other.file}:${other.line}) of category "${data.category}": list each account in one entry per category`,
                ),
              );
            }
            claimed.set(`${scope}|${key}`, entry);
          }
          entry.refs.push(ref);
        });
      }
      entries.push(entry);
    });
  }
  return { entries, categories };
}

function retraction(written: string | { date: string; reason?: string | undefined } | undefined) {
  if (written === undefined) return null;
  return typeof written === 'string'
    ? { date: written, reason: null }
    : { date: written.date, reason: written.reason ?? null };
}

function refKeys(ref: EntryRef): string[] {
  const keys: string[] = [];
  if (ref.id) keys.push(`${ref.platform}:id:${ref.id}`);
  if (ref.handle) keys.push(`${ref.platform}:${ref.handle}`);
  return keys;
}

function buildConfig(
  dir: string,
  policy: PolicyFile,
  yaml: YamlFile,
  entries: Entry[],
  categories: Map<string, Category>,
  problems: Problem[],
): Omit<Config, 'sharedLists'> {
  const known = [...categories.keys()].sort();
  const checkAllow = (allow: string[] | undefined, path: PropertyKey[]) =>
    allow?.forEach((c, i) => {
      if (!categories.has(c)) {
        problems.push(
          yaml.problem(
            [...path, i],
            `unknown category "${c}": no allowlist defines it (known: ${known.join(', ') || 'none'})`,
          ),
        );
      }
    });
  checkAllow(policy.allow, ['allow']);
  const allow = policy.allow ?? known;

  const accounts: AuditedAccount[] = [];
  const names = new Map<string, number>();
  policy.accounts.forEach((a, i) => {
    const path = ['accounts', i];
    const platform = toPlatform(a.platform) as Platform;
    const adapter = adapters[platform];
    if (names.has(a.name)) {
      problems.push(
        yaml.problem(
          [...path, 'name'],
          `"${a.name}" is already the name of accounts[${names.get(a.name)}]: names must be unique`,
        ),
      );
    }
    names.set(a.name, i);
    checkAllow(a.allow, [...path, 'allow']);
    const own = adapter.parse(a.handle);
    if (typeof own === 'string') problems.push(yaml.problem([...path, 'handle'], own));
    const source = a.source ?? (adapter.fetchFollowing ? 'api' : null);
    if (source === null || (source === 'api' && !adapter.fetchFollowing)) {
      problems.push(
        yaml.problem(
          a.source ? [...path, 'source'] : path,
          `${adapter.label} has no API for the following list: set source: import (and run "follow-audit import" on each download), or source: to the export file. ${adapter.exportHelp}`,
        ),
      );
    }
    if (a.plc_url && platform !== 'bluesky')
      problems.push(
        yaml.problem(
          [...path, 'plc_url'],
          `only Bluesky accounts have a DID directory to find their server: remove plc_url from this ${adapter.label} account`,
        ),
      );
    if (a.as_of && (source === 'api' || source === 'import'))
      problems.push(
        yaml.problem(
          [...path, 'as_of'],
          `as_of is the day a file that records no date describes, but this account's list ${source === 'api' ? 'is fetched through the API' : 'comes from its imports'}, which record their own day: remove as_of`,
        ),
      );
    accounts.push({
      name: a.name,
      platform,
      handle: typeof own === 'string' ? a.handle : (own.handle ?? a.handle),
      shownHandle:
        looksLikeUrl(a.handle) && typeof own !== 'string' ? (own.handle ?? a.handle) : stripAt(a.handle),
      id: a.id ?? (typeof own === 'string' ? null : own.id),
      source: source ?? '',
      apiUrl: a.api_url ?? null,
      ...(a.plc_url ? { plcUrl: a.plc_url } : {}),
      allow: a.allow ?? allow,
      contact: a.contact ?? null,
      maxAgeDays: a.max_age_days ?? policy.max_age_days,
      asOf: a.as_of ?? null,
      note: a.note ?? null,
      position: { file: yaml.file, ...yaml.at(path) },
    });
  });

  const exceptions: Exception[] = [];
  policy.exceptions.forEach((e, i) => {
    const path = ['exceptions', i];
    const account = accounts.find((a) => a.name === e.account);
    if (e.account !== '*' && !account) {
      problems.push(
        yaml.problem(
          [...path, 'account'],
          `no account is named "${e.account}": use a name from accounts (${accounts.map((a) => a.name).join(', ')}) or "*"`,
        ),
      );
    }
    const target = exceptionTarget(e.follows, account?.platform ?? null);
    if (typeof target === 'string') {
      problems.push(yaml.problem([...path, 'follows'], target));
      return;
    }
    if (account && account.platform !== target.platform) {
      problems.push(
        yaml.problem(
          [...path, 'follows'],
          `"${e.account}" is on ${adapters[account.platform].label}, but this names ${an(adapters[target.platform].label)} account`,
        ),
      );
    }
    const adapter = adapters[target.platform];
    exceptions.push({
      account: e.account,
      follows: e.follows,
      target: { ...target, name: null, url: adapter.profileUrl(target) },
      reason: e.reason,
      approvedBy: e.approved_by,
      decided: e.decided ?? null,
      decision: e.decision ?? null,
      expires: e.expires,
      position: { file: yaml.file, ...yaml.at(path) },
    });
  });

  return {
    dir,
    policyFile: POLICY_FILE,
    organization: policy.organization,
    contact: policy.contact ?? null,
    timezone: policy.timezone,
    warnDays: policy.warn_days,
    maxAgeDays: policy.max_age_days,
    allow,
    accounts,
    exceptions,
    entries,
    categories,
  };
}

/** platform:handle, platform:id:<id> or a URL; a bare handle is read on the account's own platform. */
function exceptionTarget(follows: string, platform: Platform | null) {
  const target = parsePlatformRef(follows);
  if (typeof target !== 'string' || !platform || /^[a-z]+:/i.test(follows.trim())) return target;
  const ref = adapters[platform].parse(follows);
  return typeof ref === 'string' ? target : { platform, ...ref };
}
