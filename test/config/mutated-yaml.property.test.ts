import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { ROOT } from '../helpers/cli.js';
import { writeTree } from '../helpers/tree.js';
import { mutation } from '../helpers/yaml-mutations.js';

// The shipped sample, damaged the ways hand edits damage YAML: loading gives a config or a
// ConfigError whose every problem names its file and a position, never another exception.

const SAMPLE: Record<string, string> = {
  'policy/policy.yaml': readFileSync(join(ROOT, 'policy/policy.yaml'), 'utf8'),
};
// With the shared lists the allowlists include, and their pinned copies.
for (const folder of ['allowlists', 'examples/shared', '.follow-audit/shared']) {
  for (const name of readdirSync(join(ROOT, folder)))
    SAMPLE[`${folder}/${name}`] = readFileSync(join(ROOT, folder, name), 'utf8');
}
const FILES = Object.keys(SAMPLE);

describe('loadConfig on mutated sample files', () => {
  it('returns a config or a ConfigError with a position for every problem', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FILES),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        async (file, mutations) => {
          const text = mutations.reduce((lines, m) => m(lines), SAMPLE[file]!.split('\n')).join('\n');
          const files = { ...SAMPLE, [file]: text };
          const dir = await writeTree(files);
          try {
            await loadConfig(dir);
          } catch (error) {
            if (!(error instanceof ConfigError)) throw error;
            expect(error.problems.length).toBeGreaterThan(0);
            for (const p of error.problems) {
              expect(FILES.some((f) => p.file === f || p.file === 'allowlists/')).toBe(true);
              expect(p.message).toMatch(/\S/);
              expect(Number.isInteger(p.line) && Number.isInteger(p.column)).toBe(true);
              if (p.line === 0) expect(p.column).toBe(0);
              else {
                expect(p.line).toBeGreaterThanOrEqual(1);
                expect(p.column).toBeGreaterThanOrEqual(1);
                expect(p.line).toBeLessThanOrEqual(files[p.file]!.split('\n').length + 1);
              }
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
