import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { ROOT } from '../helpers/cli.js';
import { writeTree } from '../helpers/tree.js';

// The shipped sample, damaged the ways hand edits damage YAML: loading gives a config or a
// ConfigError whose every problem names its file and a position, never another exception.

const SAMPLE: Record<string, string> = {
  'policy/policy.yaml': readFileSync(join(ROOT, 'policy/policy.yaml'), 'utf8'),
};
for (const name of readdirSync(join(ROOT, 'allowlists'))) {
  SAMPLE[`allowlists/${name}`] = readFileSync(join(ROOT, 'allowlists', name), 'utf8');
}
const FILES = Object.keys(SAMPLE);

type Mutation = (lines: string[]) => string[];
const at = (lines: string[], i: number) => i % Math.max(1, lines.length);
const token = fc.constantFrom(
  ':',
  '- ',
  '&a ',
  '*a',
  '*missing',
  '[',
  ']',
  '{',
  '"',
  "'",
  '\t',
  '#',
  '? ',
  '!!binary ',
  '---',
  '...',
  '%YAML 1.1',
  'null',
  '~',
  '2026-13-45',
  '\u202e',
);
const scalar = fc.oneof(fc.string({ maxLength: 20 }), token, fc.integer().map(String));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i) => (lines: string[]) => lines.filter((_, j) => j !== at(lines, i))),
  fc.tuple(fc.nat(), fc.nat()).map(([i, c]) => (lines: string[]) => {
    const j = at(lines, i);
    const line = lines[j] ?? '';
    const k = c % Math.max(1, line.length - 1);
    const swapped = line.slice(0, k) + (line[k + 1] ?? '') + (line[k] ?? '') + line.slice(k + 2);
    return lines.map((l, n) => (n === j ? swapped : l));
  }),
  fc.tuple(fc.nat(), fc.integer({ min: -4, max: 4 })).map(([i, by]) => (lines: string[]) => {
    const j = at(lines, i);
    return lines.map((l, n) => (n !== j ? l : by >= 0 ? ' '.repeat(by) + l : l.slice(-by)));
  }),
  fc
    .tuple(fc.nat(), fc.nat({ max: 8 }), fc.oneof(fc.string({ maxLength: 12 }), token), scalar)
    .map(([i, indent, key, value]) => (lines: string[]) => {
      const copy = [...lines];
      copy.splice(at(lines, i), 0, `${' '.repeat(indent)}${key}: ${value}`);
      return copy;
    }),
  fc.tuple(fc.nat(), token).map(([i, t]) => (lines: string[]) => {
    const j = at(lines, i);
    return lines.map((l, n) => (n === j ? `${l}${t}` : l));
  }),
  fc.tuple(fc.nat(), fc.constantFrom(10_000, 200_000)).map(([i, size]) => (lines: string[]) => {
    const j = at(lines, i);
    return lines.map((l, n) => (n === j ? l.replace(/:\s.*$/, `: ${'x'.repeat(size)}`) : l));
  }),
);

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
