import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { obtainOptions } from '../../src/sources/obtain-all.js';
import { run } from '../helpers/cli.js';
import { MEMBERS_AS_OF, membersTree } from '../helpers/members.js';

let dir: string;
beforeAll(async () => {
  dir = await membersTree();
});

const judged = (ref: string) => check(dir, ref, MEMBERS_AS_OF, obtainOptions({})).then((r) => r[0]!);

// handle (as the allowlist or list writes it), id, then verdicts: top level, chapter-x, circle-x.
const CASES = [
  ['SampleBranch', '100', 'allowed', 'allowed', 'allowed'],
  ['LapsedSample', '200', 'endorsement-lapsed', 'endorsement-lapsed', 'endorsement-lapsed'],
  ['RetractedSample', '201', 'endorsement-retracted', 'endorsement-retracted', 'endorsement-retracted'],
  ['ExpiringSample', '202', 'endorsement-expiring', 'endorsement-expiring', 'endorsement-expiring'],
  ['NewSampleName', '203', 'handle-changed', 'handle-changed', 'handle-changed'],
  ['OldSampleName', '203', 'handle-changed', 'handle-changed', 'handle-changed'],
  ['LaborSample', '300', 'category-not-allowed', 'category-not-allowed', 'allowed'],
  ['SampleExpired', '900', 'exception-expired', 'exception-expired', 'exception-expired'],
  ['SampleExpiring', '901', 'exception-expiring', 'exception-expiring', 'exception-expiring'],
  // Only chapter-x follows it, under its own exception: the headline is that account's verdict.
  ['SampleOnlyChapter', '902', 'allowed', 'allowed', 'not-allowed'],
  ['SampleStranger', '999', 'not-allowed', 'not-allowed', 'not-allowed'],
] as const;

const FORMS: [string, (h: string, id: string) => string][] = [
  ['platform:handle', (h) => `x:${h}`],
  ['platform:@handle', (h) => `x:@${h}`],
  ['alias, other case', (h) => `Twitter:@${h.toLowerCase()}`],
  ['platform:id', (_, id) => `x:id:${id}`],
  ['x.com URL', (h) => `https://x.com/${h}`],
  ['twitter.com URL', (h) => `https://twitter.com/${h}/`],
  ['URL without scheme', (h) => `x.com/${h}`],
  ['mobile URL with query', (h) => `https://mobile.twitter.com/${h}?lang=en`],
  ['www URL to a post', (h) => `https://www.x.com/${h}/status/1`],
  ['intent by screen name', (h) => `https://x.com/intent/user?screen_name=${h}`],
  ['intent by user id', (_, id) => `https://twitter.com/intent/user?user_id=${id}`],
  ['i/user URL', (_, id) => `https://x.com/i/user/${id}`],
];

describe('check REF: every verdict, every way of writing REF', () => {
  for (const [handle, id, top, chapter, circle] of CASES) {
    it.each(FORMS)(`${handle} (${top}) written as %s`, async (_, form) => {
      const r = await judged(form(handle, id));
      expect(r.platform).toBe('x');
      expect(r.verdict).toBe(top);
      expect(r.accounts.map((a) => [a.name, a.verdict])).toEqual([
        ['chapter-x', chapter],
        ['circle-x', circle],
      ]);
      expect(r.accounts[0]!.follows).toBe(true);
      expect(r.accounts[1]!.follows).toBe(handle === 'LaborSample');
      // The target is the account as the member wrote it (docs/commands.md), whatever the lists add.
      const written = form(handle, id);
      expect(r.target.id).toBe(/user_id=|\/i\/user\/|:id:/.test(written) ? id : null);
    });
  }

  it('names the entry, its decision, endorsement state and the exceptions', async () => {
    const lapsed = await judged('x:LapsedSample');
    expect(lapsed.matches).toMatchObject([
      { name: 'Lapsed Sample', category: 'endorsed', file: 'allowlists/endorsed.yaml', line: 4 },
    ]);
    expect(lapsed.matches[0]!.endorsement).toMatchObject({ state: 'lapsed', expires: '2026-11-03' });
    const renamed = await judged('x:NewSampleName');
    expect(renamed.matches.map((m) => m.name)).toEqual(['Renamed Sample']);
    expect(renamed.target.handle).toBe('newsamplename');
    const branch = await judged('x:SampleBranch');
    expect(branch.matches[0]).toMatchObject({
      decided: '2025-01-10',
      decision: 'Sample general meeting vote, minutes at https://example.org/minutes/sample.',
    });
    const chapterOnly = await judged('x:id:902');
    expect(chapterOnly.exceptions).toMatchObject([
      { account: 'chapter-x', reason: 'Sample direct messages', expires: '2027-06-01' },
    ]);
    expect(chapterOnly.exceptionsKnown).toBe(true);
  });

  it('an account no list holds: not followed, not allowed', async () => {
    const r = await judged('x:NobodySample');
    expect(r.verdict).toBe('not-allowed');
    expect(r.accounts.map((a) => a.follows)).toEqual([false, false]);
    expect(r.matches).toEqual([]);
  });

  it.each([
    ['bluesky', 'bluesky:branch.example.org'],
    ['bluesky', '@branch.example.org'.replace('@', 'bluesky:@')],
    ['bluesky', 'https://bsky.app/profile/branch.example.org'],
    ['bluesky', 'https://bsky.app/profile/did:plc:samplebranch'],
    ['bluesky', 'bluesky:did:plc:samplebranch'],
    ['mastodon', 'mastodon:@SampleBranch@social.example.org'],
    ['mastodon', 'https://social.example.org/@samplebranch'],
    ['mastodon', 'https://elsewhere.example.net/@samplebranch@social.example.org'],
    ['mastodon', 'https://social.example.org/users/samplebranch'],
    ['instagram', 'https://www.instagram.com/samplebranch/'],
    ['instagram', 'https://instagram.com/_u/SampleBranch'],
    ['facebook', 'https://www.facebook.com/profile.php?id=1000100'],
    ['facebook', 'https://m.facebook.com/samplebranch'],
    ['youtube', 'https://www.youtube.com/@SampleBranch'],
    ['youtube', 'https://www.youtube.com/channel/UCsamplebranch0000000000'],
    ['tiktok', 'https://www.tiktok.com/@samplebranch'],
    ['twitch', 'https://www.twitch.tv/SampleBranch'],
    ['threads', 'https://www.threads.net/@samplebranch'],
  ])('%s: %s is Sample Branch', async (platform, ref) => {
    const r = await judged(ref);
    expect(r.platform).toBe(platform);
    expect(r.verdict).toBe('allowed');
    expect(r.matches.map((m) => m.name)).toEqual(['Sample Branch']);
    expect(r.accounts).toEqual([]);
  });
});

describe('check on the command line', () => {
  it('writes JSON as docs/commands.md says', () => {
    const r = run([
      'check',
      '-C',
      dir,
      '--as-of',
      MEMBERS_AS_OF,
      '--format',
      'json',
      'https://x.com/LaborSample',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      target: { id: null, handle: 'laborsample', name: null, url: 'https://x.com/laborsample' },
      platform: 'x',
      verdict: 'category-not-allowed',
      accounts: [
        { name: 'chapter-x', follows: true, verdict: 'category-not-allowed' },
        { name: 'circle-x', follows: true, verdict: 'allowed' },
      ],
      matches: [{ name: 'Labor Sample', category: 'labor', file: 'allowlists/labor.yaml', line: 4 }],
      contact: 'reports@example.org',
    });
  });

  it('writes a Markdown checklist whose mailto: carries the text checklist', () => {
    const md = run(['check', '-C', dir, '--as-of', MEMBERS_AS_OF, 'x:RetractedSample']);
    const text = run(['check', '-C', dir, '--as-of', MEMBERS_AS_OF, '--format', 'text', 'x:RetractedSample']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('**Endorsement retracted**');
    expect(md.stdout).toContain(
      '- How the committee records its decision: unfollow; the retraction in the entry is the record',
    );
    expect(md.stdout).toContain('- [ ] Why I think this follow breaks the policy:');
    expect(md.stdout).toMatch(/- \[ \] \*\*endorsed\*\*: Sample endorsements\. Already on this allowlist/);
    expect(text.stdout).toContain('retracted on 2026-08-15 (Sample vote against tenants)');
    expect(text.stdout).toContain('chapter-x follows it (list: lists/chapter-x.csv, date not recorded)');
    const link = /\(<(mailto:[^>]+)>\)/.exec(md.stdout)![1]!;
    const url = new URL(link);
    expect(url.pathname).toBe('reports@example.org');
    expect(url.searchParams.get('subject')).toBe('Questionable follow: @retractedsample on X');
    expect(url.searchParams.get('body')).toBe(text.stdout);
  });

  it.each([
    ['no platform, unknown handle', '@NobodyKnowsThis', 'Choose its platform'],
    ['unknown platform', 'myspace:sample', 'does not name a platform'],
    ['unknown host', 'https://example.org/sample', 'cannot tell which platform'],
    ['bad handle', 'x:not a handle', 'is not an X handle'],
    ['empty id', 'x:id:', 'has no id'],
  ])('%s: one message, exit 2', (_, ref, message) => {
    const r = run(['check', '-C', dir, ref]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
  });
});
