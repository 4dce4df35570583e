import fc from 'fast-check';

// Hand edits that damage YAML files: dropped lines, swapped characters, wrong indentation,
// inserted keys and stray YAML tokens, very long values.

export type Mutation = (lines: string[]) => string[];
const at = (lines: string[], i: number) => i % Math.max(1, lines.length);
export const token = fc.constantFrom(
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

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
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
