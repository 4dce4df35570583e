import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainAllowlist } from '../../src/config/allowlist-check.js';
import { allowlistSchema } from '../../src/config/allowlist-schema.js';
import { loadPlainYaml } from '../../src/config/plain-yaml.js';
import { shippedAllowlists } from '../helpers/cli.js';
import { damage, damaged, defined } from '../helpers/damage.js';

// The hand-written fast path must never accept what zod refuses, and must give zod's output
// exactly (keys in the same order): else the audit would judge a different allowlist.

// Valid allowlists, then one damage at one place: what a hand edit does.
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const day = fc.constantFrom('2026-11-03', '2024-02-29', '2027-01-01');
const word = fc.constantFrom('Sample', '@Sample1', 'https://x.com/Sample2', 'sample.example.org');
const refObject = fc
  .record(
    {
      handle: opt(word),
      id: opt(fc.oneof(fc.constantFrom('1000000001', 'did:plc:abc'), fc.nat())),
      name: opt(word),
      url: opt(word),
      confirmed: opt(day),
      confirmed_by: opt(word),
    },
    { requiredKeys: [] },
  )
  .filter((r) => Boolean(r.handle ?? r.id ?? r.name ?? r.url));
const ref = fc.oneof(word, refObject, fc.array(fc.oneof(word, refObject), { minLength: 1, maxLength: 3 }));
const accounts = fc.dictionary(fc.constantFrom('x', 'bluesky', 'twitter', 'mastodon', 'threads'), ref, {
  maxKeys: 3,
});
const endorsement = fc.record(
  {
    level: opt(fc.constantFrom('local', 'national')),
    office: opt(word),
    endorsed: opt(day),
    expires: day,
    retracted: opt(fc.oneof(day, fc.record({ date: day, reason: opt(word) }, { requiredKeys: ['date'] }))),
  },
  { requiredKeys: ['expires'] },
);
const entry = fc.record(
  {
    name: word,
    accounts,
    endorsement: opt(endorsement),
    decided: opt(day),
    decision: opt(word),
    note: opt(word),
  },
  { requiredKeys: ['name', 'accounts'] },
);
const file = fc.record(
  {
    category: fc.constantFrom('coalition', 'dsa.local', 'labor_2'),
    description: opt(word),
    entries: opt(fc.array(entry, { maxLength: 3 })),
  },
  { requiredKeys: ['category'] },
);
describe('the allowlist fast path', () => {
  const agrees = (data: unknown) => {
    const fast = plainAllowlist(data);
    const zod = allowlistSchema.safeParse(data);
    if (fast) expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.success ? zod.data : 'refused by zod'));
    return fast !== null;
  };

  it('reads every valid file itself, as zod does', () => {
    fc.assert(
      fc.property(file.map(defined), (data) => {
        expect(agrees(data)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves a damaged file to zod unless zod accepts it too, and then gives the same', () => {
    fc.assert(
      fc.property(file.map(defined), fc.nat(), damage, (data, at, what) => {
        agrees(damaged(data, at, what));
      }),
      { numRuns: 10000 },
    );
  });

  it('reads every shipped allowlist itself', () => {
    for (const [name, text] of Object.entries(shippedAllowlists())) {
      const data = loadPlainYaml(text)?.data;
      const zod = allowlistSchema.parse(data);
      expect(JSON.stringify(plainAllowlist(data)), name).toBe(JSON.stringify(zod));
    }
  });
});
