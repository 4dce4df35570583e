import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policyTemplate } from '../../src/commands/init-templates.js';
import { loadPlainYaml } from '../../src/config/plain-yaml.js';
import { plainPolicy } from '../../src/config/policy-check.js';
import { policySchema } from '../../src/config/policy-schema.js';
import { damage, damaged, defined } from '../helpers/damage.js';

// The hand-written fast path must never accept what zod refuses, and must give zod's output
// exactly (keys in the same order, defaults filled in): else the audit would judge another policy.

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const day = fc.constantFrom('2026-11-03', '2024-02-29', '2027-01-01');
const word = fc.constantFrom('Sample', '@Sample1', 'https://x.com/Sample2', 'chapter-x', '*');
const name = fc.constantFrom('chapter-x', 'labor.circle', 'housing_2');
const nat = fc.oneof(fc.constantFrom(0, 30, 45), fc.nat());
const categories = opt(
  fc.oneof(fc.constant(null), fc.array(fc.constantFrom('dsa', 'coalition'), { maxLength: 2 })),
);
const email = fc.constantFrom('comms@example.org', 'labor.circle@example.org');
const account = fc.record(
  {
    name,
    platform: fc.constantFrom('x', 'twitter', 'bluesky', 'mastodon', 'instagram'),
    handle: word,
    id: opt(fc.constantFrom('1000000001', 'did:plc:abc')),
    source: opt(fc.constantFrom('api', 'import', 'exports/following.js')),
    allow: categories,
    contact: opt(email),
    max_age_days: opt(nat),
    as_of: opt(day),
    note: opt(word),
  },
  { requiredKeys: ['name', 'platform', 'handle'] },
);
const exception = fc.record(
  {
    account: word,
    follows: word,
    reason: word,
    approved_by: word,
    decided: opt(day),
    decision: opt(word),
    expires: day,
    note: opt(word),
  },
  { requiredKeys: ['account', 'follows', 'reason', 'approved_by', 'expires'] },
);
const policy = fc.record(
  {
    organization: word,
    contact: opt(email),
    timezone: opt(fc.constantFrom('UTC', 'America/Chicago', 'Europe/Berlin')),
    warn_days: opt(nat),
    max_age_days: opt(nat),
    allow: categories,
    accounts: fc.array(account, { minLength: 1, maxLength: 3 }),
    exceptions: opt(fc.oneof(fc.constant(null), fc.array(exception, { maxLength: 3 }))),
  },
  { requiredKeys: ['organization', 'accounts'] },
);
const TEMPLATE = { organization: 'Sample City DSA', contact: 'comms@example.org', today: '2026-11-21' };
// Values the policy's own fields refuse, beside the general damage.
const policyDamage = fc.oneof(
  damage,
  fc.constantFrom<unknown>(
    'Mars/Olympus',
    'comms at chapter',
    'https://social.example.org',
    'no such platform',
  ),
);

describe('the policy fast path', () => {
  const agrees = (data: unknown) => {
    const fast = plainPolicy(data);
    const zod = policySchema.safeParse(data);
    if (fast) expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.success ? zod.data : 'refused by zod'));
    return fast !== null;
  };

  it('reads every valid policy without a URL itself, as zod does', () => {
    fc.assert(
      fc.property(policy.map(defined), (data) => {
        expect(agrees(data)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves a damaged policy to zod unless zod accepts it too, and then gives the same', () => {
    fc.assert(
      fc.property(policy.map(defined), fc.nat(), policyDamage, (data, at, what) => {
        agrees(damaged(data, at, what));
      }),
      { numRuns: 10000 },
    );
  });

  it('leaves an api_url or plc_url to zod', () => {
    const data = {
      organization: 'o',
      accounts: [{ name: 'a', platform: 'x', handle: 'h', api_url: 'https://api.example.org' }],
    };
    expect(plainPolicy(data)).toBeNull();
    expect(policySchema.safeParse(data).success).toBe(true);
  });

  it("reads the sample's policy and init's template itself", () => {
    const texts = {
      sample: readFileSync('policy/policy.yaml', 'utf8'),
      template: policyTemplate(TEMPLATE),
    };
    for (const [name, text] of Object.entries(texts)) {
      const data = loadPlainYaml(text)?.data;
      expect(data, name).toBeTruthy();
      expect(JSON.stringify(plainPolicy(data)), name).toBe(JSON.stringify(policySchema.parse(data)));
    }
  });
});
