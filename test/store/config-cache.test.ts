// The kept configuration saves reading and checking the files again, and never changes what a run
// says: the same report from it, and every change to any file it was read from read anew.
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { configCache } from '../../src/store/config-cache.js';
import { copySample, ROOT, run } from '../helpers/cli.js';

// Each sample has a cache folder of its own, beside it.
const cacheHome = (dir: string) => `${dir}-cache`;
const audit = (dir: string, format = 'json') =>
  run(['audit', '--offline', '--as-of', '2026-11-21', '--format', format, '--no-save'], {
    cwd: dir,
    env: { XDG_CACHE_HOME: cacheHome(dir) },
  });
/** The files kept for a sample: one, once it was audited. */
const kept = (dir: string) => {
  const folder = join(cacheHome(dir), 'follow-audit');
  return existsSync(folder) ? readdirSync(folder).map((n) => join(folder, n)) : [];
};
const cacheOf = (dir: string) => kept(dir)[0] ?? '';

/** A sample whose configuration is kept (by one audit). */
function warmSample(): string {
  const dir = copySample();
  expect(kept(dir)).toEqual([]);
  audit(dir);
  expect(kept(dir)).toHaveLength(1);
  return dir;
}

describe('the kept configuration', () => {
  it('gives the configuration that reading the files gives, field for field', async () => {
    const dir = warmSample();
    const before = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = cacheHome(dir);
    try {
      const fromCache = await loadConfig(dir, configCache(dir));
      expect(fromCache).toStrictEqual(await loadConfig(dir));
      // And it was read from the cache: a cache that gives nothing would pass the line above too.
      expect(await configCache(dir).get(await keyOf(dir))).not.toBeNull();
    } finally {
      process.env.XDG_CACHE_HOME = before;
    }
  });

  it('gives the same report, in every format', () => {
    const cold = copySample();
    const warm = warmSample();
    for (const format of ['json', 'table', 'markdown', 'junit', 'github']) {
      rmSync(cacheHome(cold), { recursive: true, force: true });
      const first = audit(cold, format);
      expect(audit(warm, format), format).toEqual(first);
    }
  });

  it('is not used once an allowlist changes', () => {
    const dir = warmSample();
    const file = join(dir, 'allowlists/endorsed.yaml');
    // Same length, another handle: Jane's follow is no longer allowed.
    writeFileSync(file, readFileSync(file, 'utf8').replace('JaneExample4Council', 'JaneExample4Counci1'));
    const report = JSON.parse(audit(dir).stdout);
    const fresh = copySample();
    writeFileSync(join(fresh, 'allowlists/endorsed.yaml'), readFileSync(file, 'utf8'));
    expect(report).toEqual(JSON.parse(audit(fresh).stdout));
  });

  it('never hides a problem: a broken file is reported as without it', () => {
    const dir = warmSample();
    appendFileSync(join(dir, 'policy/policy.yaml'), 'warn_days: -1\n');
    const withCache = audit(dir);
    rmSync(cacheHome(dir), { recursive: true });
    expect(withCache.code).toBe(2);
    expect(withCache).toEqual(audit(dir));
  });

  it('is not used once a pinned copy of a shared list or its path source changes', () => {
    const dir = warmSample();
    const pinned = join(dir, '.follow-audit/shared');
    const [copy] = readdirSync(pinned);
    appendFileSync(join(pinned, copy!), '# changed\n');
    const damaged = audit(dir);
    expect(damaged.code).toBe(2);
    expect(damaged.stderr).toContain('does not match this sha256');

    const other = warmSample();
    appendFileSync(join(other, 'examples/shared/chapters.yaml'), '# a newer version\n');
    const lists = JSON.parse(audit(other).stdout).sharedLists as { source: string; changed: boolean }[];
    expect(lists.find((l) => l.source.endsWith('chapters.yaml'))?.changed).toBe(true);
  });

  it('is kept outside the audit folder, where nothing committed can stand in for it', () => {
    const dir = warmSample();
    expect(cacheOf(dir).startsWith(cacheHome(dir))).toBe(true);
    expect(existsSync(join(dir, '.follow-audit/cache'))).toBe(false);
  });

  it('is read anew when it is damaged, and the run is the same', () => {
    const dir = warmSample();
    const first = audit(dir);
    for (const damage of ['{', '{"format":1,"key":"x"}', '\u0000\u0001']) {
      writeFileSync(cacheOf(dir), damage);
      expect(audit(dir)).toEqual(first);
    }
  });
});

/** The key loadConfig gives the sample's files, found by asking a recording cache. */
async function keyOf(dir: string): Promise<string> {
  let key = '';
  await loadConfig(dir, {
    get: async (k) => {
      key = k;
      return null;
    },
    set: async () => {},
  });
  return key;
}

describe("the build's stamp", () => {
  const DIST = join(ROOT, 'dist');
  const stampNow = () =>
    spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `process.stdout.write((await import('./dist/build-stamp.js')).buildStamp())`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    ).stdout;

  it('is the one the build wrote, until the modules are compiled again', () => {
    const written = JSON.parse(readFileSync(join(DIST, 'build-stamp.json'), 'utf8')).stamp;
    expect(stampNow()).toBe(written);
    const cli = join(DIST, 'cli.js');
    const { atime, mtime } = statSync(cli);
    try {
      // A compile without the stamp step (tsc alone) rewrites cli.js after the stamp.
      utimesSync(cli, atime, new Date(Date.now() + 60_000));
      expect(stampNow()).toMatch(/^[0-9a-f]{64}$/);
      expect(stampNow()).not.toBe(written);
    } finally {
      utimesSync(cli, atime, mtime);
    }
  });
});
