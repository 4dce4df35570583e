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
import { nameIncluders, readLists } from './shared-lists.js';
import type { Config } from './types.js';
import { validateLazily, YamlFile } from './yaml-file.js';

/** Larger YAML files are refused: a policy is written by hand. */
const MAX_YAML_BYTES = 10 * 1024 * 1024;

const policySchema = async () => (await import('./policy-schema.js')).policySchema;

/** Loads and checks policy.yaml and every allowlist; throws one ConfigError with every problem. */
export async function loadConfig(dir: string): Promise<Config> {
  const problems: Problem[] = [];
  const policyYaml = await readYaml(dir, POLICY_FILE, problems);
  const allowlistYamls = await readAllowlists(dir, problems);

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

async function readYaml(dir: string, file: string, problems: Problem[]): Promise<YamlFile | null> {
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
  // The fast reader first: allowlists run to thousands of entries, and a plain folder then needs no `yaml`.
  return new YamlFile(file, decoded.text, true);
}

export async function readAllowlists(dir: string, problems: Problem[]): Promise<YamlFile[]> {
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
      return { file: await readYaml(dir, `${ALLOWLIST_DIR}/${n}`, own), own };
    }),
  );
  for (const { own } of reads) problems.push(...own);
  return reads.map((r) => r.file).filter((f): f is YamlFile => f !== null);
}
