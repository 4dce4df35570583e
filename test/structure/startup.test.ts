// What an audit loads before it reads a file: the validation libraries only where a file has a
// problem (or a command needs them), so a valid folder is audited without their start-up cost.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** Every package a module loads as it starts, through the static (non-type) imports it runs. */
function packagesLoadedBy(entry: string): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(
      /^(import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm,
    )) {
      if (m[2]) continue;
      const spec = m[3] ?? m[4] ?? '';
      const here = [...chain, relative(SRC, file)];
      if (spec.startsWith('.')) walk(resolve(dirname(file), spec.replace(/\.js$/, '.ts')), here);
      else if (!found.has(spec)) found.set(spec, here.join(' > '));
    }
  };
  walk(resolve(SRC, entry), []);
  return found;
}

describe('start-up', () => {
  it.each([
    ['cli.ts', 'commander'],
    ['audit.ts', 'js-yaml'],
  ])('%s loads neither zod nor yaml', (entry, used) => {
    const loaded = packagesLoadedBy(entry);
    expect(loaded.get('zod')).toBeUndefined();
    expect(loaded.get('yaml')).toBeUndefined();
    // The walk itself sees the packages that are loaded.
    expect(loaded.has(used)).toBe(true);
  });
});
