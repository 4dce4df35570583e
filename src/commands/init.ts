import { access, appendFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ALLOWLIST_DIR, POLICY_FILE } from '../config/layout.js';
import { UsageError } from '../errors.js';
import { toolPackageFiles } from './init-package.js';
import { allowlistTemplates, GITIGNORE, policyTemplate, type TemplateOptions } from './init-templates.js';
import { writeRunbook } from './runbook.js';
import { jsonSchema, SCHEMAS, type SchemaName, schemaFileName } from './schema.js';

// `init` never overwrites a file, whatever it is asked: a policy, an allowlist or a draft holds
// decisions of the organization that no template can restore. It writes what is missing and says
// what it kept; in a folder that is already an audit folder it writes nothing of its own (only
// `--from` adds to one: add-account.ts).

export interface InitOptions extends TemplateOptions {
  /** How the folder's package.json gets follow-audit (init-package.ts); default: this version. */
  tool?: string;
}

export interface InitResult {
  written: string[];
  /** Files that were there already and were left as they were. */
  kept: string[];
  /** Lines added to an existing .gitignore (raw downloads must stay out of git). */
  ignored: string[];
}

export async function isAuditFolder(dir: string): Promise<boolean> {
  return exists(join(dir, POLICY_FILE));
}

/** Starts an audit folder: a commented policy, one allowlist per sample category, editor schemas. */
export async function init(dir: string, options: InitOptions): Promise<InitResult> {
  if (await isAuditFolder(dir))
    throw new UsageError(
      `${join(dir, POLICY_FILE)} already exists, so this is an audit folder already: init wrote nothing (it never overwrites a file). To add an account from its download, run "follow-audit init --from <download>"`,
    );
  const files: Record<string, string | Uint8Array> = {
    [POLICY_FILE]: policyTemplate(options),
    // Example entries go only into an empty allowlists/: next to real lists they would be allowed.
    ...((await hasAllowlists(dir)) ? {} : allowlistTemplates(options.today)),
    ...(await toolPackageFiles(options.organization, options.tool)),
    ...Object.fromEntries(
      (Object.keys(SCHEMAS) as SchemaName[]).map((n) => [
        `schemas/${schemaFileName(n)}`,
        `${JSON.stringify(jsonSchema(n), null, 2)}\n`,
      ]),
    ),
  };
  const ignore = await ignoreDownloads(dir);
  const result: InitResult = {
    written: ignore.made ? ['.gitignore'] : [],
    kept: ignore.made ? [] : ['.gitignore'],
    ignored: ignore.added,
  };
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    // 'wx': a file that appeared since the check above is still not overwritten.
    const made = await writeFile(join(dir, file), text, { flag: 'wx' }).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') return false;
        throw error;
      },
    );
    result[made ? 'written' : 'kept'].push(file);
  }
  const guide = await writeRunbook(dir);
  if (guide) result.written.push(guide);
  return result;
}

/** Writes .gitignore, or adds to an existing one the rules it lacks (never changing its lines). */
async function ignoreDownloads(dir: string): Promise<{ made: boolean; added: string[] }> {
  const path = join(dir, '.gitignore');
  const existing = await readFile(path, 'utf8').catch(() => null);
  if (existing === null) {
    await mkdir(dir, { recursive: true });
    await writeFile(path, GITIGNORE, { flag: 'wx' });
    return { made: true, added: [] };
  }
  const have = new Set(existing.split(/\r?\n/).map((l) => l.trim()));
  const rules = GITIGNORE.split('\n').filter((l) => l && !l.startsWith('#'));
  const missing = rules.filter((r) => !have.has(r) && !have.has(`/${r}`));
  if (missing.length)
    await appendFile(
      path,
      `${existing.endsWith('\n') || existing === '' ? '' : '\n'}# Added by follow-audit init: raw downloads and tokens stay out of git.\n${missing.join('\n')}\n`,
    );
  return { made: false, added: missing };
}

async function hasAllowlists(dir: string): Promise<boolean> {
  const names = await readdir(join(dir, ALLOWLIST_DIR)).catch(() => []);
  return names.some((n) => /\.ya?ml$/i.test(n));
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
