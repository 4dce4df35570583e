import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { writeTree } from '../helpers/tree.js';

// A source file that cannot be read is still reported as what it most likely is: a platform's
// export where its path is one a download gives its list, else a CSV.

// Takeout translates its folder and file names (here German): the pattern still knows it.
const TAKEOUT = 'exports/Takeout/YouTube und YouTube Music/Abos/Abos.csv';
const POLICY = `organization: Sample Org
accounts:
  - { name: m, platform: mastodon, handle: sample@social.example.org, source: lists/following_accounts.csv }
  - { name: y, platform: youtube, handle: "@sampleorg", source: "${TAKEOUT}" }
  - { name: i, platform: instagram, handle: sampleorg, source: lists/following.csv }
  - { name: x, platform: x, handle: sampleorg, source: exports/twitter.zip }
`;

describe('a source file that cannot be read', () => {
  it('is reported incomplete, as an export or a CSV by its path', async () => {
    const dir = await writeTree({
      'policy/policy.yaml': POLICY,
      'allowlists/dsa.yaml': 'category: dsa\nentries: []\n',
    });
    const report = await audit({ config: dir, asOf: '2026-11-21', offline: true });
    expect(report.accounts.map((a) => [a.name, a.source, a.complete])).toEqual([
      ['m', 'export', false],
      ['y', 'export', false],
      ['i', 'csv', false],
      ['x', 'export', false],
    ]);
    expect(report.accounts[0]!.error).toMatch(/^lists\/following_accounts\.csv not found/);
  });
});
