import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowlistSchema } from '../../src/config/allowlist-schema.js';
import { loadPlainYaml } from '../../src/config/plain-yaml.js';
import { YamlFile } from '../../src/config/yaml-file.js';
import { shippedAllowlists } from '../helpers/cli.js';
import { type Mutation, mutation } from '../helpers/yaml-mutations.js';

// The fast reader of allowlists must not show: on the shipped samples, restyled or damaged, it
// gives the data, the problems and the entry lines that reading with `yaml` alone gives.

const SAMPLES = Object.values(shippedAllowlists());

const each =
  (change: (line: string) => string): Mutation =>
  (lines) =>
    lines.map(change);
const restyle = fc.constantFrom<Mutation>(
  each((l) => l.replace(/^(\s*)- (\S)/, '$1-\n$1  $2')),
  each((l) => l.replace(/^(\s*)- /, '$1- # note\n$1  ')),
  each((l) => l.replace(/^ {2}/, '')),
  each((l) => `${l}\r`),
  each((l) => `${l} # note`),
  each((l) => l.replace(/^(\s*)(decision|office): (.*)$/, '$1$2: |\n$1  $3')),
  each((l) => l.replace(/^(\s*)(decision|office): (\S+) (.*)$/, '$1$2: $3\n$1  $4')),
  each((l) => l.replace(/^(\s*)(x|bluesky): \{ (.*), (.*) \}$/, '$1$2: {\n$1  $3,\n$1  $4 }')),
  each((l) => l.replace(/^(\s*)name: (.*)$/, '$1name: "$2"')),
  (lines) => ['---', ...lines, '...'],
);

function read(text: string, plain: boolean) {
  const yaml = new YamlFile('allowlists/sample.yaml', text, plain);
  const { data, problems } = yaml.validate(allowlistSchema);
  const lines = data?.entries.map((_, i) => yaml.itemLine('entries', i));
  return { data, problems, lines };
}

describe('the fast reader of allowlists', () => {
  it('reads the samples as `yaml` does, restyled or damaged', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SAMPLES),
        fc.array(fc.oneof(restyle, mutation), { maxLength: 4 }),
        (sample, mutations) => {
          const text = mutations.reduce((lines, m) => m(lines), sample.split('\n')).join('\n');
          expect(read(text, true)).toEqual(read(text, false));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives the positions of the policy's accounts and exceptions that `yaml` gives, restyled", () => {
    const policy = readFileSync('policy/policy.yaml', 'utf8');
    const starts = (text: string, plain: boolean) => {
      const file = new YamlFile('policy/policy.yaml', text, plain);
      return ['accounts', 'exceptions'].map((key) => Array.from({ length: 8 }, (_, i) => file.at([key, i])));
    };
    fc.assert(
      fc.property(fc.array(restyle, { maxLength: 3 }), (mutations) => {
        const text = mutations.reduce((lines, m) => m(lines), policy.split('\n')).join('\n');
        expect(starts(text, true)).toEqual(starts(text, false));
      }),
      { numRuns: 100 },
    );
    expect(loadPlainYaml(policy)?.itemStarts.get('accounts')?.length).toBeGreaterThan(1);
  });

  it('takes the samples, and leaves anchors, tags, directives and multi-line values to `yaml`', () => {
    for (const sample of SAMPLES) {
      const entries = read(sample, false).data!.entries;
      const byYaml = new YamlFile('allowlists/sample.yaml', sample);
      expect(loadPlainYaml(sample)?.itemStarts.get('entries')).toEqual(
        entries.map((_, i) => byYaml.at(['entries', i])),
      );
    }
    for (const text of [
      'category: a\nentries: &e []\n',
      'category: !!str a\n',
      '%YAML 1.1\n---\ncategory: a\n',
      'category: a\ndescription: "one\n  two"\n',
      'category: a\ndescription: >\n  one\n',
      'category: a\nentries: [\n  { name: b } ]\n',
      'category: {a: b}#c\n',
    ])
      expect(loadPlainYaml(text), text).toBeNull();
  });

  it('reads scalars as the YAML 1.2 core schema does: dates stay text', () => {
    const text =
      'a: 2026-11-03\nb: 0o17\nc: 0x1F\nd: 1_000\ne: 0b11\nf: yes\ng: ~\nh: 1e3\ni: -.inf\nj: "12"\n';
    expect(loadPlainYaml(text)?.data).toEqual({
      a: '2026-11-03',
      b: 15,
      c: 31,
      d: '1_000',
      e: '0b11',
      f: 'yes',
      g: null,
      h: 1000,
      i: Number.NEGATIVE_INFINITY,
      j: '12',
    });
  });
});
