// The configuration of the last audit that read its folder without a problem, so that the next run
// over the same files skips reading and checking thousands of entries again. It is keyed by the
// text of every file read, by the pinned copies and path sources of shared lists as they were, and
// by this build of the tool: any change reads the files again, and so gives every message anew.
// It lives in the user's cache folder, never in the audit folder: a file committed there (say, by
// a pull request) could otherwise tell a CI audit what the allowlists say.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildStamp } from '../build-stamp.js';
import type { CachedConfig, ConfigCache } from '../config/load.js';
import { differs, type SharedInput } from '../config/shared-lists.js';
import type { Category } from '../config/types.js';
import { keepFile } from './files.js';

const FORMAT = 1;

interface Kept {
  format: number;
  key: string;
  inputs: SharedInput[];
  config: Omit<CachedConfig, 'categories'> & { categories: [string, Category][] };
}

/** The cache of one audit folder; reading or writing it never fails a run, it only costs time. */
export function configCache(dir: string): ConfigCache {
  const path = configCachePath(dir);
  if (path === null) return { get: async () => null, set: async () => {} };
  return {
    async get(key) {
      let kept: Kept;
      try {
        kept = JSON.parse(await readFile(path, 'utf8'));
      } catch {
        return null;
      }
      if (kept?.format !== FORMAT || kept.key !== withBuild(key) || !Array.isArray(kept.inputs)) return null;
      for (const input of kept.inputs) {
        if ((await differs(input.path, input.sha256)) !== input.differs) return null;
      }
      return { ...kept.config, categories: new Map(kept.config.categories) };
    },
    async set(key, config, inputs) {
      const kept: Kept = {
        format: FORMAT,
        key: withBuild(key),
        inputs: [...inputs],
        config: { ...config, categories: [...config.categories] },
      };
      await keepFile(path, JSON.stringify(kept)).catch(() => {});
    },
  };
}

/** One file per audit folder, under $XDG_CACHE_HOME (or ~/.cache)/follow-audit/; null without a home. */
function configCachePath(dir: string): string | null {
  let root = process.env.XDG_CACHE_HOME;
  if (!root) {
    try {
      root = join(homedir(), '.cache');
    } catch {
      return null;
    }
  }
  const folder = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 32);
  return join(root, 'follow-audit', `config-${folder}.json`);
}

let build: string | undefined;

/** The key of the files, bound to this build of the tool. */
function withBuild(key: string): string {
  build ??= buildStamp();
  return createHash('sha256').update(`${build}\0${key}`).digest('hex');
}
