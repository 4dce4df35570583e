import { describe, expect, it } from 'vitest';
import { allowlistSchema } from '../../src/config/allowlist-schema.js';
import { YamlFile } from '../../src/config/yaml-file.js';

// A YamlFile does not change once built: validating it again gives the same answer.

const GOOD = 'category: unions\nentries:\n  - name: Example Union\n    accounts: { x: ExampleUnion }\n';
const WRONG = 'category: unions\nentries:\n  - name: Example Union\n    acounts: { x: ExampleUnion }\n';
const BROKEN = 'category: unions\nentries: [\n';

describe('YamlFile', () => {
  for (const [name, text] of Object.entries({ GOOD, WRONG, BROKEN })) {
    for (const plain of [true, false]) {
      it(`validates a ${name.toLowerCase()} file the same each time (${plain ? 'fast reader' : 'yaml'})`, () => {
        const file = new YamlFile('allowlists/unions.yaml', text, plain);
        const first = file.validate(allowlistSchema);
        expect(file.validate(allowlistSchema)).toEqual(first);
        expect(first.data === null).toBe(name !== 'GOOD');
        expect(first.problems.length > 0).toBe(name !== 'GOOD');
      });
    }
  }

  it('places a schema problem on its line, after the fast reader read the file', () => {
    const { problems } = new YamlFile('allowlists/unions.yaml', WRONG, true).validate(allowlistSchema);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '3:5 entries: "accounts" is required here: add it',
      '4:5 entries: unknown key "acounts" (did you mean "accounts"?)',
    ]);
  });
});
