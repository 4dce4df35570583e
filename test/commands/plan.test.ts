import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addMonth, plan } from '../../src/commands/plan.js';
import { run } from '../helpers/cli.js';
import { instagramZip } from '../helpers/downloads.js';
import { writeTree } from '../helpers/tree.js';

const TOKEN = 'sample-secret-value-5d4c3b2a';

const POLICY = `organization: Example City DSA
contact: communications@example.org
accounts:
  - { name: chapter-x, platform: x, handle: ExampleCityDSA, source: api }
  - { name: chapter-youtube, platform: youtube, handle: "@examplecitydsa", source: api }
  - { name: chapter-instagram, platform: instagram, handle: examplecitydsa, source: import }
  - { name: chapter-tiktok, platform: tiktok, handle: examplecitydsa, source: import }
exceptions:
  - account: chapter-instagram
    follows: instagram:examplepressdesk
    reason: Coordinating coverage of the rally
    approved_by: Communications Committee
    expires: 2026-12-10
  - account: chapter-instagram
    follows: instagram:examplelater
    reason: A later forum
    approved_by: Steering Committee
    expires: 2027-03-01
`;
const ENDORSED = `category: endorsed
entries:
  - name: Jane Example
    accounts: { instagram: janeexample }
    endorsement: { expires: 2026-12-05 }
    decision: General meeting vote of 2026-03-02
  - name: Sam Later
    accounts: { instagram: samlater }
    endorsement: { expires: 2027-06-30 }
  - name: Old Endorsement
    accounts: { instagram: oldendorsement }
    endorsement: { expires: 2026-10-01 }
`;

async function folder() {
  const dir = await writeTree({
    'policy/policy.yaml': POLICY,
    'allowlists/endorsed.yaml': ENDORSED,
    'allowlists/dsa.yaml':
      'category: dsa\nentries:\n  - { name: Lakeside DSA, accounts: { instagram: examplelakesidedsa } }\n',
    'instagram.zip': instagramZip({
      username: 'examplecitydsa',
      following: ['examplelakesidedsa', 'oldendorsement', 'examplestranger', 'janeexample'],
      made: new Date('2026-10-02T18:00:00Z'),
    }),
  });
  expect(run(['import', 'instagram.zip'], { cwd: dir }).code).toBe(0);
  return dir;
}

describe('plan', () => {
  it('lists per account where its list comes from, its date, what to download and which token is missing', async () => {
    const dir = await folder();
    const result = await plan({ config: dir, asOf: '2026-11-25', env: { X_BEARER_TOKEN: TOKEN } });
    expect(result).toMatchObject({ title: 'Follow audit 2026-11', month: '2026-11', until: '2026-12-25' });
    const [x, youtube, instagram, tiktok] = result.accounts;
    expect(x!.api!.tokens).toEqual([{ name: 'X_BEARER_TOKEN', optional: false, set: true }]);
    expect(youtube!.api!.tokens).toEqual([{ name: 'YOUTUBE_API_KEY', optional: false, set: false }]);
    expect(instagram).toMatchObject({
      source: 'import',
      listDate: '2026-10-02',
      needsNew: 'the list of 2026-10-02 will be more than 45 days old on 2026-12-25',
    });
    expect(instagram!.download!.format).toContain('JSON');
    expect(tiktok).toMatchObject({ complete: false, listDate: null });
    expect(tiktok!.needsNew).toBe('no list imported yet');
    // Only what ends before the next audit, the soonest first; a lapsed one is not "ending".
    expect(result.ending.map((e) => [e.kind, e.name, e.ends, e.decidedBy])).toEqual([
      ['endorsement', 'Jane Example', '2026-12-05', 'General meeting vote of 2026-03-02'],
      ['exception', 'instagram:examplepressdesk', '2026-12-10', 'Communications Committee'],
    ]);
    expect(result.lastReport).toBeNull();
  });

  it('takes the follows to end and the pending decisions from the last saved report, as unchecked boxes', async () => {
    const dir = await folder();
    // 2026-11-16: the imported list of 2026-10-02 is not yet older than max_age_days (45).
    expect(run(['audit', '--as-of', '2026-11-16', '--account', 'chapter-instagram'], { cwd: dir }).code).toBe(
      1,
    );
    const out = run(['plan', '--as-of', '2026-11-25'], { cwd: dir, env: { X_BEARER_TOKEN: TOKEN } });
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('[RUNBOOK.md](RUNBOOK.md)');
    expect(out.stdout).toContain(
      '| chapter-x (@ExampleCityDSA) | X | API (X_BEARER_TOKEN: set) | at the audit | fetched by the audit |',
    );
    expect(out.stdout).toContain(
      '- [ ] **chapter-youtube** (YouTube @examplecitydsa): set `YOUTUBE_API_KEY` for YouTube Data API v3',
    );
    expect(out.stdout).toContain(
      '- [ ] **chapter-instagram** (Instagram @examplecitydsa): request the download',
    );
    expect(out.stdout).toContain(
      '- [ ] Unfollow @examplestranger <https://www.instagram.com/examplestranger/> from **chapter-instagram** on Instagram',
    );
    expect(out.stdout).toContain('How: open the profile in the app while logged in as the account');
    expect(out.stdout).toContain('- [ ] Unfollow @oldendorsement');
    expect(out.stdout).toMatch(/## 4\. Decisions pending \(2; from the audit as of 2026-11-16/);
    expect(out.stdout).toContain(
      '- [ ] chapter-instagram no longer follows instagram:examplelater: remove the exception (policy/policy.yaml line 14; chapter-instagram). Record it: delete the exception from policy/policy.yaml.',
    );
    expect(out.stdout).not.toContain(TOKEN);

    const json = run(['plan', '--as-of', '2026-11-25', '--format', 'json'], {
      cwd: dir,
      env: { X_BEARER_TOKEN: TOKEN },
    });
    const parsed = JSON.parse(json.stdout);
    expect(parsed.unfollow.map((f: { target: { handle: string } }) => f.target.handle).sort()).toEqual([
      'examplestranger',
      'oldendorsement',
    ]);
    expect(json.stdout).not.toContain(TOKEN);
  });

  it('writes several formats at once, and refuses a bad --until', async () => {
    const dir = await folder();
    const both = run(
      ['plan', '--format', 'markdown:plan.md', '--format', 'json:plan.json', '--until', '2027-01-05'],
      {
        cwd: dir,
      },
    );
    expect(both.code).toBe(0);
    expect(both.stdout).toBe('');
    const table = run(['plan', '--format', 'table', '--as-of', '2026-11-25'], { cwd: dir });
    expect(table.stdout).toContain('│ chapter-instagram');
    expect(table.stdout).toMatch(/YOUTUBE_API_KEY\s+│\n.*missing/);
    const bad = run(['plan', '--as-of', '2026-11-25', '--until', '2026-11-01'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--until 2026-11-01 is not after 2026-11-25');
    expect(run(['plan', '--format', 'junit'], { cwd: dir }).code).toBe(2);
    expect(run(['plan', '-C', join(dir, 'nowhere')]).code).toBe(2);
  });

  it('plans a month ahead, to the last day of a shorter month', () => {
    expect(addMonth('2026-11-25')).toBe('2026-12-25');
    expect(addMonth('2027-01-31')).toBe('2027-02-28');
    expect(addMonth('2026-12-15')).toBe('2027-01-15');
  });
});
