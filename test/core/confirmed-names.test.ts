import { describe, expect, it } from 'vitest';
import { markdown } from '../../src/report/markdown.js';
import { auditScenario } from '../helpers/policy.js';

// A Facebook download names followed Pages by display name only (docs/sources.md): a match by name is for
// a person to confirm, and once confirmed in the entry it stays decided.
const lists = {
  'chapter-facebook': { platform: 'facebook', csv: 'name\nRiverside DSA\nExample Tenants Union\n' },
};
const allowlist = (riverside: string) => ({
  'dsa.yaml': `category: dsa
entries:
  - name: Riverside DSA
    accounts:
      facebook: ${riverside}
  - name: Example Tenants Union
    accounts:
      facebook: { name: Example Tenants Union }
`,
});

describe('a confirmed name match', () => {
  it('is allowed and stops coming back; an unconfirmed one is still a warning', async () => {
    const before = await auditScenario({ allowlists: allowlist('{ name: Riverside DSA }'), lists });
    expect(before.findings.map((f) => [f.kind, f.target.name])).toEqual([
      ['name-only-match', 'Example Tenants Union'],
      ['name-only-match', 'Riverside DSA'],
    ]);
    // The report says how the decision is written down.
    expect(markdown(before, { color: false, width: 80 })).toContain(
      'To record the decision: if a person has checked it is the same account, write `confirmed: YYYY-MM-DD` and `confirmed_by:` (who checked)',
    );
    const after = await auditScenario({
      allowlists: allowlist('{ name: Riverside DSA, confirmed: 2026-11-12, confirmed_by: Comms Committee }'),
      lists,
    });
    expect(after.findings.map((f) => [f.kind, f.target.name])).toEqual([
      ['name-only-match', 'Example Tenants Union'],
    ]);
    expect(after.summary.allowed).toBe(2);
  });

  it('still lapses with its entry: a confirmation names the account, it does not endorse it', async () => {
    const report = await auditScenario({
      allowlists: {
        'endorsed.yaml': `category: endorsed
entries:
  - name: Jane Example
    accounts:
      facebook: { name: Jane Example, confirmed: 2026-01-10, confirmed_by: Comms Committee }
    endorsement: { expires: 2026-11-03 }
`,
      },
      lists: { 'chapter-facebook': { platform: 'facebook', csv: 'name\nJane Example\n' } },
    });
    expect(report.findings.map((f) => f.kind)).toEqual(['endorsement-lapsed']);
  });
});
