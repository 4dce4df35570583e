// The kept configuration saves reading and checking the files again, and never changes what a run
// says: the same report from it, and every change to any file it was read from read anew.
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { configCache } from '../../src/store/config-cache.js';
import { copySample, run } from '../helpers/cli.js';

const CACHE = '.follow-audit/cache/config.json';
const audit = (dir: string, format = 'json') =>
  run(['audit', '--offline', '--as-of', '2026-11-21', '--format', format, '--no-save'], { cwd: dir });

/** A sample whose configuration is kept (by one audit). */
function warmSample(): string {
  const dir = copySample();
  expect(existsSync(join(dir, CACHE))).toBe(false);
  audit(dir);
  expect(existsSync(join(dir, CACHE))).toBe(true);
  return dir;
}

describe('the kept configuration', () => {
  it('gives the configuration that reading the files gives, field for field', async () => {
    const dir = warmSample();
    const kept = await loadConfig(dir, configCache(dir));
    expect(kept).toStrictEqual(await loadConfig(dir));
    // And it was read from the cache: a cache that gives nothing would pass the line above too.
    expect(await configCache(dir).get(await keyOf(dir))).not.toBeNull();
  });

  it('gives the same report, in every format', () => {
    const cold = copySample();
    const warm = warmSample();
    for (const format of ['json', 'table', 'markdown', 'junit', 'github']) {
      rmSync(join(cold, CACHE), { force: true });
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
    rmSync(join(dir, CACHE));
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

  it('is read anew when it is damaged, and the run is the same', () => {
    const dir = warmSample();
    const first = audit(dir);
    for (const damage of ['{', '{"format":1,"key":"x"}', '\u0000\u0001']) {
      writeFileSync(join(dir, CACHE), damage);
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
