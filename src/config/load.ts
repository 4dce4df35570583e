import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, type Problem } from '../errors.js';
import { NotARegularFile, readRegularFile } from '../util/regular-file.js';
import { buildAccounts } from './accounts.js';
import { configText } from './config-text.js';
import { buildCatalog } from './entries.js';
import { buildExceptions } from './exceptions.js';
import { ALLOWLIST_DIR, POLICY_FILE } from './layout.js';
import { plainPolicy } from './policy-check.js';
import { nameIncluders, readLists, type SharedInput, sharedInputs } from './shared-lists.js';
import type { Config } from './types.js';
import { validateLazily, YamlFile } from './yaml-file.js';

/** Larger YAML files are refused: a policy is written by hand. */
const MAX_YAML_BYTES = 10 * 1024 * 1024;

const policySchema = async () => (await import('./policy-schema.js')).policySchema;

/**
 * A store of configurations loaded before, keyed by the text of every file they were read from:
 * only a folder without problems is kept, so every message still comes from reading the files.
 */
export interface ConfigCache {
  get(key: string): Promise<CachedConfig | null>;
  set(key: string, config: CachedConfig, inputs: readonly SharedInput[]): Promise<void>;
}
export type CachedConfig = Omit<Config, 'dir'>;

/** Loads and checks policy.yaml and every allowlist; throws one ConfigError with every problem. */
export async function loadConfig(dir: string, cache?: ConfigCache): Promise<Config> {
  const problems: Problem[] = [];
  const [policyText, allowlistTexts] = await Promise.all([
    readText(dir, POLICY_FILE, problems),
    readAllowlists(dir, problems),
  ]);
  const key = cache && problems.length === 0 ? keyOf([policyText!, ...allowlistTexts]) : null;
  const kept = key === null ? null : await cache!.get(key);
  if (kept) return { dir, ...kept };
  const config = await check(dir, policyText, allowlistTexts, problems);
  if (key !== null) await cache!.set(key, withoutDir(config), sharedInputs(dir, config.sharedLists));
  return config;
}

async function check(
  dir: string,
  policyText: FileText | null,
  allowlistTexts: FileText[],
  problems: Problem[],
): Promise<Config> {
  // The fast reader first: allowlists run to thousands of entries, and a plain folder then needs no `yaml`.
  const policyYaml = policyText && new YamlFile(policyText.file, policyText.text, true);
  const allowlistYamls = allowlistTexts.map(yamlOf);
  const policy = policyYaml && (await validateLazily(policyYaml, plainPolicy, policySchema));
  const lists = await readLists(dir, allowlistYamls);
  for (const read of [policy, ...lists]) if (read) problems.push(...read.problems);

  const { entries, categories } = buildCatalog(lists, problems);
  nameIncluders(problems, lists);
  if (!policy?.data || !policyYaml) throw new ConfigError(problems);
  const written = policy.data;
  const { allow, accounts } = buildAccounts(policyYaml, written, problems, categories);
  const exceptions = buildExceptions(policyYaml, written, problems, accounts);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    dir,
    policyFile: POLICY_FILE,
    organization: written.organization,
    contact: written.contact ?? null,
    timezone: written.timezone,
    warnDays: written.warn_days,
    maxAgeDays: written.max_age_days,
    allow,
    accounts,
    exceptions,
    entries,
    categories,
    sharedLists: lists.flatMap((l) => (l.shared ? [l.shared] : [])),
  };
}

interface FileText {
  file: string;
  text: string;
}

const yamlOf = ({ file, text }: FileText) => new YamlFile(file, text, true);

/** Every allowlist file, read (not checked); a file that cannot be read is a problem. */
export async function readAllowlistFiles(dir: string, problems: Problem[]): Promise<YamlFile[]> {
  return (await readAllowlists(dir, problems)).map(yamlOf);
}

/** Every file's name and text, each ended by a NUL (which no config text holds), as one hash. */
function keyOf(files: readonly FileText[]): string {
  const hash = createHash('sha256');
  for (const { file, text } of files) hash.update(file).update('\0').update(text).update('\0');
  return hash.digest('hex');
}

function withoutDir({ dir, ...config }: Config): CachedConfig {
  return config;
}

async function readText(dir: string, file: string, problems: Problem[]): Promise<FileText | null> {
  let bytes: Uint8Array;
  const problem = (message: string) => {
    problems.push({ file, line: 0, column: 0, message });
    return null;
  };
  try {
    // Refused before reading: a huge file, a folder, a pipe that would never end.
    bytes = await readRegularFile(join(dir, file), MAX_YAML_BYTES);
  } catch (error) {
    if (error instanceof NotARegularFile)
      return problem(
        error.tooLarge ? 'is larger than 10 MB: this is not a hand-written policy file' : error.message,
      );
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return problem(
      missing
        ? file === POLICY_FILE
          ? `not found in ${dir}: run "follow-audit init" to start one, or pass -C <folder> to point at yours`
          : 'not found'
        : `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`,
    );
  }
  const decoded = configText(bytes);
  if ('problem' in decoded) return problem(decoded.problem);
  return { file, text: decoded.text };
}

async function readAllowlists(dir: string, problems: Problem[]): Promise<FileText[]> {
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
  // Read together, reported in the files' order: each read keeps its own problems until all are done.
  const reads = await Promise.all(
    names.map(async (n) => {
      const own: Problem[] = [];
      return { file: await readText(dir, `${ALLOWLIST_DIR}/${n}`, own), own };
    }),
  );
  for (const { own } of reads) problems.push(...own);
  return reads.map((r) => r.file).filter((f): f is FileText => f !== null);
}
