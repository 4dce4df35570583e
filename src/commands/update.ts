// `follow-audit update`: fetches every shared list again, says what changed since its pin, and with
// --write keeps the new copy and writes the new sha256 into the including file. Exit 1 when
// something changed, so that a scheduled job can open a pull request for the committee.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { plainAllowlist } from '../config/allowlist-check.js';
import { allowlistSchema } from '../config/allowlist-schema.js';
import { buildCatalog } from '../config/entries.js';
import { type IncludeFile, includeSchema } from '../config/include-schema.js';
import { POLICY_FILE, SHARED_DIR } from '../config/layout.js';
import { readAllowlistFiles } from '../config/load.js';
import { policySchema } from '../config/policy-schema.js';
import {
  decodeUtf8,
  isIncludeText,
  type LoadedList,
  MAX_SHARED_BYTES,
  nameIncluders,
  readPinned,
  type SharedSource,
  sha256Of,
  sharedSource,
} from '../config/shared-lists.js';
import { YamlFile } from '../config/yaml-file.js';
import { EXIT } from '../core/exit-code.js';
import {
  firstPin,
  type Listed,
  type SharedUpdate,
  sharedChanges,
  staleExclusions,
  type UpdateResult,
  type UpdateState,
} from '../core/shared-changes.js';
import { ConfigError, type Problem, SourceError } from '../errors.js';
import { type ApiClient, createClient } from '../net/http.js';
import type { ObtainOptions } from '../sources/obtain.js';
import { obtainOptions } from '../sources/obtain-all.js';
import { writeAtomic } from '../store/files.js';
import { dropPinnedCopy, keepPinnedCopy } from '../store/shared.js';
import { todayOf } from '../util/days.js';
import { pinnedText } from './update-yaml.js';

export interface UpdateOptions
  extends Partial<Pick<ObtainOptions, 'env' | 'fetch' | 'now' | 'sleep' | 'maxWaitSeconds' | 'progress'>> {
  config?: string;
  /** Keep the new copies and write the new pins. */
  write?: boolean;
  /** The day recorded as `updated:` (default: today in the policy's timezone). */
  asOf?: string;
}

interface Include {
  yaml: YamlFile;
  written: IncludeFile;
  source: SharedSource;
}

interface Fetched {
  update: SharedUpdate;
  text: string | null;
}

/** Fetches every shared list; throws ConfigError where an include or a fetched list is wrong. */
export async function update(options: UpdateOptions = {}): Promise<UpdateResult> {
  const dir = options.config ?? '.';
  const context = obtainOptions(options);
  const today = todayOf(await policyTimezone(dir), options.asOf, context.now());
  const problems: Problem[] = [];
  const includes = readIncludes(dir, await readAllowlistFiles(dir, problems), problems);
  if (problems.length) throw new ConfigError(problems);
  const client = createClient(
    { ...context, account: { name: 'shared lists' } },
    {
      label: "The shared list's server",
      headers: { accept: 'application/yaml, text/yaml;q=0.9, text/plain;q=0.8, */*;q=0.5' },
      resetWait: () => null,
    },
  );
  const fetched = await Promise.all(includes.map((i) => compare(dir, i, client, problems)));
  if (problems.length) throw new ConfigError(problems);
  const written = options.write ? await writePins(dir, includes, fetched, today) : [];
  return { lists: fetched.map((f) => f.update), written };
}

export function updateExitCode(result: UpdateResult): number {
  if (result.lists.some((l) => l.state === 'failed')) return EXIT.incomplete;
  return result.lists.some((l) => l.state !== 'unchanged') ? EXIT.findings : EXIT.ok;
}

function readIncludes(dir: string, files: YamlFile[], problems: Problem[]): Include[] {
  return files
    .filter((f) => isIncludeText(f.text))
    .flatMap((yaml) => {
      const read = yaml.validate(includeSchema);
      problems.push(...read.problems);
      if (!read.data) return [];
      const source = sharedSource(dir, yaml.file, read.data.include);
      if (typeof source === 'string') {
        problems.push(yaml.problem(['include'], source));
        return [];
      }
      return [{ yaml, written: read.data, source }];
    });
}

async function compare(
  dir: string,
  include: Include,
  client: ApiClient,
  problems: Problem[],
): Promise<Fetched> {
  const { yaml, written, source } = include;
  const pinned = written.sha256?.toLowerCase() ?? null;
  const update: SharedUpdate = {
    file: yaml.file,
    source: source.label,
    pinned,
    sha256: null,
    state: 'failed',
    changes: [],
    error: null,
  };
  let bytes: Uint8Array;
  try {
    bytes = source.url ? await client.getFile(source.url.href, MAX_SHARED_BYTES) : await readSource(source);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return { update: { ...update, error: error.message }, text: null };
  }
  const text = decodeUtf8(bytes);
  const after = text === null ? null : checked(source.label, yaml.file, text, problems);
  if (text === null)
    problems.push(
      yaml.problem(['include'], `${source.label} is not UTF-8 text: it is not an allowlist file`),
    );
  if (!after) return { update, text: null };
  const sha256 = sha256Of(bytes);
  const earlier = pinned ? await readPinned(dir, pinned, source.label) : null;
  const before = typeof earlier === 'string' ? listed(source.label, earlier) : null;
  const state: UpdateState =
    pinned === null ? 'new' : sha256 !== pinned ? 'changed' : before ? 'unchanged' : 'restored';
  const changes =
    state === 'new' || (state === 'changed' && !before)
      ? [firstPin(after, state === 'new' ? 'none' : 'missing')]
      : state === 'changed' && before
        ? sharedChanges(before, after)
        : [];
  if (state === 'changed' && changes.length === 0)
    changes.push({ change: 'details', entry: null, line: null, detail: 'only comments or layout changed' });
  const exclusions = written.exclude.map((x, i) => ({ name: x.name, line: yaml.itemLine('exclude', i) }));
  changes.push(...staleExclusions(exclusions, after.data));
  return { update: { ...update, sha256, state, changes }, text };
}

/** The fetched content as an allowlist, every problem in it added to `problems`. */
function checked(label: string, includedBy: string, text: string, problems: Problem[]): Listed | null {
  const file = new YamlFile(label, text, true);
  const found: Problem[] = [];
  if (isIncludeText(text))
    found.push({
      file: label,
      ...file.at(['include'], true),
      message:
        'include: a shared list cannot include another list: its keepers must write the entries into it',
    });
  const read = found.length ? { data: null, problems: [] } : file.validate(allowlistSchema, plainAllowlist);
  found.push(...read.problems);
  const list: LoadedList = {
    file,
    data: read.data,
    problems: read.problems,
    shared: null,
    excluded: new Set(),
    includedBy,
  };
  if (read.data) buildCatalog([list], found);
  nameIncluders(found, [list]);
  problems.push(...found);
  return read.data && found.length === 0
    ? { data: read.data, line: (i) => file.itemLine('entries', i) }
    : null;
}

function listed(label: string, text: string): Listed | null {
  const file = new YamlFile(label, text, true);
  const { data } = file.validate(allowlistSchema, plainAllowlist);
  return data ? { data, line: (i) => file.itemLine('entries', i) } : null;
}

async function readSource(source: SharedSource): Promise<Uint8Array> {
  const path = source.path!;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new SourceError(`${source.label} is not a file`);
    if (info.size > MAX_SHARED_BYTES)
      throw new SourceError(`${source.label} is larger than 10 MB: this is not a hand-kept allowlist`);
    return await readFile(path);
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new SourceError(
      code === 'ENOENT'
        ? `${source.label} not found: check out the shared list's repository there, or correct include:`
        : `${source.label} cannot be read (${code ?? 'error'})`,
    );
  }
}

/** Keeps each new copy, writes the new pins, and removes the copies no include names any more. */
async function writePins(
  dir: string,
  includes: Include[],
  fetched: Fetched[],
  today: string,
): Promise<string[]> {
  const written: string[] = [];
  const before = new Set(fetched.map((f) => f.update.pinned).filter((p): p is string => p !== null));
  const after = new Set<string>();
  for (const [i, { update, text }] of fetched.entries()) {
    const include = includes[i]!;
    if (update.sha256 === null || text === null) {
      if (update.pinned) after.add(update.pinned);
      continue;
    }
    after.add(update.sha256);
    if (update.state === 'unchanged') continue;
    await keepPinnedCopy(dir, update.sha256, text);
    written.push(`${SHARED_DIR}/${update.sha256}.yaml`);
    if (update.state === 'restored') continue;
    await writeAtomic(join(dir, include.yaml.file), pinnedText(include.yaml.text, update.sha256, today));
    written.push(include.yaml.file);
  }
  for (const old of before) if (!after.has(old)) await dropPinnedCopy(dir, old);
  return written;
}

/** The policy's timezone for the `updated:` day; UTC where the policy cannot say (validate tells why). */
async function policyTimezone(dir: string): Promise<string> {
  const text = await readFile(join(dir, POLICY_FILE), 'utf8').catch(() => null);
  return (
    (text === null ? null : new YamlFile(POLICY_FILE, text).validate(policySchema).data?.timezone) ?? 'UTC'
  );
}
