// The answers a member gets from `check` (and, through the same code, the members' page):
// the headline is about our accounts that follow the target, names and share links are read.
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { obtainOptions } from '../../src/sources/obtain-all.js';
import { copySample, run } from '../helpers/cli.js';
import { MEMBERS_AS_OF, MEMBERS_TREE, membersTree } from '../helpers/members.js';

let sample: string;
let members: string;
beforeAll(async () => {
  sample = copySample();
  members = await membersTree({
    // circle-x has its own team; it alone follows Circle Only Sample; nobody follows Former Sample.
    'policy/policy.yaml': MEMBERS_TREE['policy/policy.yaml']!.replace(
      '    allow: [dsa, endorsed, labor]\n',
      '    allow: [dsa, endorsed, labor]\n    contact: labor-team@example.org\n',
    ),
    'allowlists/labor.yaml': `${MEMBERS_TREE['allowlists/labor.yaml']}  - name: Circle Only Sample
    accounts: { x: { handle: CircleOnlySample, id: "301" } }
`,
    'allowlists/endorsed.yaml': `${MEMBERS_TREE['allowlists/endorsed.yaml']}  - name: Former Sample
    accounts: { x: { handle: FormerSample, id: "400" } }
    endorsement: { endorsed: 2022-01-01, expires: 2024-11-05 }
`,
    'lists/circle-x.csv': `id,handle,name\n300,LaborSample,Labor Sample\n301,CircleOnlySample,Circle Only Sample\n`,
  });
});

const SAMPLE_DAY = '2026-11-21';
const checked = (dir: string, ref: string, platform?: string) =>
  check(dir, ref, dir === sample ? SAMPLE_DAY : MEMBERS_AS_OF, obtainOptions({}), platform);

describe('the headline verdict', () => {
  it('is the verdict of our account that follows it, not the organization-wide one', async () => {
    // chapter-x follows the reporter under its own exception, which ends within warn_days.
    const [r] = await checked(sample, 'x:ExampleMetroReporter');
    expect(r!.verdict).toBe('exception-expiring');
    expect(r!.followedBy).toEqual(['chapter-x']);
    expect(r!.message).toContain('chapter-x');
    expect(r!.message).not.toContain('on no allowlist');
  });

  it('when none of our accounts follows it, is the organization-wide one, and says so', async () => {
    const [r] = await checked(members, 'x:FormerSample');
    expect(r!.verdict).toBe('endorsement-lapsed');
    expect(r!.followedBy).toEqual([]);
    expect(r!.message).toMatch(/^None of our accounts follows @formersample\./);
    const md = run(['check', '-C', members, '--as-of', MEMBERS_AS_OF, 'x:FormerSample']);
    expect(md.stdout).toContain('None of our accounts follows it, as far as their latest lists show');
  });
});

describe('when the lists are not all known', () => {
  it('says so instead of "none of our accounts follows"', async () => {
    const { rm } = await import('node:fs/promises');
    const dir = copySample();
    await rm(`${dir}/examples/chapter-x/following.csv`);
    const [some] = await check(dir, 'x:JaneExample4Council', SAMPLE_DAY, obtainOptions({}));
    expect(some!.message).toBe(
      "None of our accounts whose list is known follows @janeexample4council. Jane Example's endorsement ended on 2026-11-03",
    );
    // The checklist a member sends says the same, not "none of our accounts follows it".
    const text = run(['check', '-C', dir, '--as-of', SAMPLE_DAY, 'x:JaneExample4Council']).stdout;
    expect(text).toContain('None of our accounts whose list is known follows it');
    expect(text).not.toContain('None of our accounts follows it');
    await rm(`${dir}/examples/labor-circle-x/following.csv`);
    const [none] = await check(dir, 'x:JaneExample4Council', SAMPLE_DAY, obtainOptions({}));
    expect(none!.message).toBe(
      "Whether our accounts follow @janeexample4council is not known here. Jane Example's endorsement ended on 2026-11-03",
    );
  });
});

describe('what a member may type', () => {
  it.each([
    ['an entry name', 'Riverside DSA', ['x', 'bluesky', 'facebook']],
    ['an entry name, other case and spacing', '  riverside   dsa ', ['x', 'bluesky', 'facebook']],
    ['a person', 'Jane Example', ['x', 'instagram']],
  ])('%s: %s', async (_, typed, platforms) => {
    const results = await checked(sample, typed);
    expect(results.map((r) => r.platform)).toEqual(platforms);
    expect(results.every((r) => r.matches.length > 0)).toBe(true);
  });

  it('an entry name on a chosen platform, Facebook included (its export gives names only)', async () => {
    const [r, ...rest] = await checked(sample, 'Riverside DSA', 'facebook');
    expect(rest).toEqual([]);
    expect(r!.platform).toBe('facebook');
    expect(r!.matches.map((m) => m.name)).toEqual(['Riverside DSA']);
    expect(r!.followedBy).toEqual(['chapter-facebook']);
  });

  it('a profile link with tracking parameters: they are not echoed back', async () => {
    const [r] = await checked(sample, 'https://www.instagram.com/janeexample4council/?igsh=MTZsampleXyz');
    expect(r!.target.url).toBe('https://www.instagram.com/janeexample4council/');
    const bad = run(['check', 'https://www.instagram.com/p/Csample/?igsh=MTZsampleXyz']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toContain('igsh');
    expect(bad.stderr).toContain('not a link to an Instagram account');
  });

  it('@user@instance is a Mastodon account', async () => {
    const [r] = await checked(members, '@SampleBranch@social.example.org');
    expect(r!.platform).toBe('mastodon');
    expect(r!.verdict).toBe('allowed');
  });

  it.each([
    ['https://vm.tiktok.com/ZMsample1/', 'TikTok share link'],
    ['https://www.facebook.com/share/1Sample2/?mibextid=sample', 'Facebook share link'],
  ])('a short share link %s is recognized and explained', (link, words) => {
    const r = run(['check', link]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(words);
    expect(r.stderr).toContain('paste the link of that profile');
    expect(r.stderr).not.toContain('mibextid');
  });

  it('check without quotes: the words of a name are one name', () => {
    const r = run(['check', '--as-of', SAMPLE_DAY, '--format', 'json', 'Jane', 'Example']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((x: { platform: string }) => x.platform)).toEqual(['x', 'instagram']);
  });
});

describe("a sanctioned account's own team", () => {
  it("gets the report about that account's follow", async () => {
    const [r] = await checked(members, 'x:CircleOnlySample');
    expect(r!.followedBy).toEqual(['circle-x']);
    expect(r!.contact).toBe('labor-team@example.org');
    expect(r!.contacts).toEqual(['labor-team@example.org']);
    const md = run(['check', '-C', members, '--as-of', MEMBERS_AS_OF, 'x:CircleOnlySample']);
    expect(md.stdout).toContain('(<mailto:labor-team@example.org?subject=');
  });

  it('with the organization, when an account of each follows it', async () => {
    const [r] = await checked(members, 'x:LaborSample');
    expect(r!.contacts).toEqual(['reports@example.org', 'labor-team@example.org']);
  });

  it('not when none follows it: then the organization hears of it', async () => {
    const [r] = await checked(members, 'x:FormerSample');
    expect(r!.contacts).toEqual(['reports@example.org']);
  });
});
