// Imports run down the layers only: a lower layer never imports a higher one, so each part can be
// read, tested and reused without the parts built on top of it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** Lowest first. Modules of one layer may import each other. */
const LAYERS: readonly (readonly string[])[] = [
  ['model.ts'],
  ['util', 'errors.ts', 'version.ts', 'build-stamp.ts'],
  ['net'],
  ['platforms'],
  ['config'],
  ['core'],
  ['store'],
  ['sources'],
  ['report'],
  ['page'],
  ['audit.ts', 'commands'],
  ['cli'],
  ['cli.ts', 'index.ts', 'bench'],
];

function layerOf(file: string): number {
  const top = relative(SRC, file).split('/')[0] ?? '';
  const layer = LAYERS.findIndex((names) => names.includes(top));
  if (layer < 0) throw new Error(`${top} has no layer: add it to LAYERS`);
  return layer;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1] ?? '');
  return found.map((spec) => resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
}

describe('layers', () => {
  it('no module imports one of a higher layer', () => {
    const upward: string[] = [];
    for (const file of sourceFiles(SRC)) {
      for (const target of localImports(file)) {
        if (layerOf(target) > layerOf(file))
          upward.push(`${relative(SRC, file)} -> ${relative(SRC, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('the core knows the platforms only through core/identity.ts', () => {
    const core = join(SRC, 'core');
    const through = sourceFiles(core).flatMap((file) =>
      localImports(file)
        .filter((target) => relative(SRC, target).startsWith('platforms/'))
        .map(() => relative(SRC, file)),
    );
    expect([...new Set(through)]).toEqual(['core/identity.ts']);
  });
});
