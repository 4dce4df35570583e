import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../config/load.js';
import { platformNamed } from '../config/select.js';
import type { AuditedAccount, Config } from '../config/types.js';
import { sameAccount } from '../core/identity.js';
import { SourceError, UsageError } from '../errors.js';
import type { Platform } from '../model.js';
import { adapters } from '../platforms/registry.js';
import type { ParsedRef } from '../platforms/types.js';
import type { ObtainOptions } from '../sources/obtain.js';
import { liveOptions } from '../sources/obtain-all.js';
import { writeAtomic } from '../store/files.js';
import { sanitizeLine } from '../util/text.js';
import {
  type AllowlistDocument,
  allowlistText,
  readAllowlistDocument,
  type YamlRef,
} from './resolve-yaml.js';

export interface ResolveOptions extends Partial<ObtainOptions> {
  config?: string;
  platforms?: string[];
  /** Put what was found into the allowlist files. */
  write?: boolean;
}

export interface Resolution {
  file: string;
  line: number;
  entry: string;
  platform: Platform;
  written: string;
  /** What the lookup found; null when the platform does not know the account. */
  found: { id: string; handle: string } | null;
}

export interface ResolveResult {
  resolutions: Resolution[];
  /** Platforms whose lookups failed (no token, over --max-cost, the API down). */
  failures: { platform: Platform; message: string }[];
  /** Allowlist files rewritten with --write. */
  written: string[];
}

/** Looks up the missing stable ids (and handles) of allowlist references, through each platform's API. */
export async function resolve(options: ResolveOptions): Promise<ResolveResult> {
  if (options.offline) throw new UsageError('resolve looks accounts up online: run it without --offline');
  const config = await loadConfig(options.config ?? '.');
  const platforms = (options.platforms ?? []).map(platformNamed);
  const wantPlatform = (p: Platform) => platforms.length === 0 || platforms.includes(p);
  const context = await liveOptions(config, options);
  const files = [...new Set([...config.categories.values()].flatMap((c) => c.files))].sort();
  const docs = await Promise.all(
    files.map(async (f) => readAllowlistDocument(f, await readFile(join(config.dir, f), 'utf8'))),
  );
  const missing = docs
    .flatMap((d) => d.refs)
    .filter((r) => adapters[r.ref.platform].lookup && wantPlatform(r.ref.platform))
    .filter((r) => (r.ref.id === null) !== (r.ref.handle === null));
  const result: ResolveResult = { resolutions: [], failures: [], written: [] };
  const changed = new Set<AllowlistDocument>();
  for (const platform of new Set(missing.map((r) => r.ref.platform))) {
    const refs = missing.filter((r) => r.ref.platform === platform);
    let answers: ParsedRef[];
    try {
      const account = lookupAccount(config, platform);
      answers = await adapters[platform].lookup!(
        refs.map((r) => r.ref),
        { ...context, account, resume: undefined },
      );
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      result.failures.push({ platform, message: error.message });
      continue;
    }
    for (const r of refs) {
      const found = answers.find((a) => same(platform, a, r));
      if (found?.id && found.handle) {
        r.fill({ id: r.ref.id ? null : found.id, handle: r.ref.handle ? null : found.handle });
        changed.add(docs.find((d) => d.refs.includes(r))!);
      }
      result.resolutions.push(
        resolution(r, found?.id && found.handle ? { id: found.id, handle: found.handle } : null),
      );
    }
  }
  if (options.write) {
    for (const d of [...changed].sort((a, b) => a.file.localeCompare(b.file))) {
      await writeAtomic(join(config.dir, d.file), allowlistText(d.doc));
      result.written.push(d.file);
    }
  }
  return result;
}

function same(platform: Platform, answer: ParsedRef, r: YamlRef): boolean {
  if (r.ref.id) return answer.id === r.ref.id;
  return sameAccount(platform, { handle: answer.handle }, { handle: r.ref.handle }) === 'handle';
}

function resolution(r: YamlRef, found: Resolution['found']): Resolution {
  return { file: r.file, line: r.line, entry: r.entry, platform: r.ref.platform, written: r.written, found };
}

/** Lookups go through the platform's first audited account (its api_url), or the public API. */
function lookupAccount(config: Config, platform: Platform): AuditedAccount {
  return (
    config.accounts.find((a) => a.platform === platform) ?? {
      name: `${platform}-lookup`,
      platform,
      handle: '',
      id: null,
      source: 'api',
      apiUrl: null,
      allow: [],
      note: null,
      position: { file: config.policyFile, line: 0, column: 0 },
    }
  );
}

/** What was found, line by line, and what --write did or would do. */
export function resolveSummary(result: ResolveResult, write: boolean): string {
  const lines = result.resolutions.map((r) => {
    const what = r.found
      ? `@${r.found.handle} is id ${r.found.id}`
      : `not found on ${adapters[r.platform].label}`;
    return sanitizeLine(
      `${r.file}:${r.line} ${r.entry}, ${r.platform} ${JSON.stringify(r.written)}: ${what}`,
    );
  });
  for (const f of result.failures) lines.push(sanitizeLine(`${adapters[f.platform].label}: ${f.message}`));
  const found = result.resolutions.filter((r) => r.found).length;
  if (result.resolutions.length + result.failures.length === 0)
    lines.push('Every allowlist reference on a platform with a lookup API already has its id and handle.');
  else if (write) lines.push(`Wrote ${found} into ${result.written.join(', ') || 'no file'}.`);
  else if (found)
    lines.push('Run again with --write to put them into the allowlist files (comments are kept).');
  return `${lines.join('\n')}\n`;
}
