// End to end: an audit folder whose sources are the platforms' own downloads, in their real
// formats (see test/exports/*.test.ts for each format's public source), audited through the CLI.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { follow, repoCar } from '../helpers/car.js';
import { run } from '../helpers/cli.js';
import { fixture, zip } from '../helpers/exports.js';
import { writeTree } from '../helpers/tree.js';

const policy = `organization: Example City DSA
allow: [dsa]
accounts:
  - { name: chapter-x, platform: x, handle: ExampleCityDSA, source: exports/twitter-example.zip }
  - { name: labor-x, platform: x, handle: ExampleLaborCircle, source: exports/labor-x.csv }
  - { name: chapter-instagram, platform: instagram, handle: examplecitydsa, source: exports/instagram-example.zip }
  - { name: chapter-threads, platform: threads, handle: examplecitydsa, source: exports/instagram-example.zip }
  - { name: chapter-facebook, platform: facebook, handle: examplecitydsa, source: "exports/who_you've_followed.json" }
  - { name: chapter-tiktok, platform: tiktok, handle: examplecitydsa, source: exports/user_data_tiktok.json }
  - { name: chapter-youtube, platform: youtube, handle: examplecitydsa, source: exports/Abos.csv }
  - { name: chapter-mastodon, platform: mastodon, handle: examplecitydsa@mastodon.example.org, source: exports/following_accounts.csv }
  - { name: chapter-bluesky, platform: bluesky, handle: examplecitydsa.example.org, source: exports/repo.car }
  - { name: broken-tiktok, platform: tiktok, handle: examplebroken, source: exports/broken/user_data_tiktok.json }
`;

const allowlist = `category: dsa
entries:
  - name: Lakeside DSA
    accounts:
      x: ExampleLakesideDSA
      instagram: examplelakesidedsa
      threads: examplethreadsfriend
      tiktok: examplelakesidedsa
      youtube: { id: UCexamplelakeside000000a }
      mastodon: examplelakeside@mastodon.example.org
      bluesky: { id: "did:plc:examplelakeside00000000" }
  - name: Example Tenants Union
    accounts:
      facebook: { name: Example Tenants Union }
  - name: Handle Now Elsewhere
    accounts:
      x: { handle: ExampleImpostor, id: "1000000777" }
`;

async function folder() {
  const tiktok = (await fixture('tiktok/user_data_tiktok.json')).toString();
  return writeTree({
    'policy/policy.yaml': policy,
    'allowlists/dsa.yaml': allowlist,
    'exports/twitter-example.zip': zip({
      'data/following.js': await fixture('x/following.js'),
      'data/following-part1.js': await fixture('x/following-part1.js'),
    }),
    'exports/labor-x.csv':
      'id,handle,name\n1000000001,ExampleLakesideDSA,Lakeside DSA\n1000000022,PunditExample,A Loud Pundit\n1000000042,ExampleImpostor,\n',
    'exports/instagram-example.zip': zip({
      'connections/followers_and_following/following.json': await fixture('instagram/newer/following.json'),
      'your_instagram_activity/threads/following.json': await fixture('threads/following.json'),
    }),
    "exports/who_you've_followed.json": await fixture("facebook/who_you've_followed.json"),
    'exports/user_data_tiktok.json': tiktok,
    'exports/Abos.csv': await fixture('youtube/Abos.csv'),
    'exports/following_accounts.csv': await fixture('mastodon/headerless.csv'),
    'exports/repo.car': await repoCar({
      'app.bsky.graph.follow/3lexamplefol2': follow('did:plc:examplelakeside00000000'),
      'app.bsky.graph.follow/3lexamplefol3': follow('did:plc:examplepundit000000000'),
    }),
    'exports/broken/user_data_tiktok.json': tiktok.slice(0, 200),
  });
}

interface Finding {
  kind: string;
  account: string;
  target: { id: string | null; handle: string | null; name: string | null };
}

describe('auditing the platforms’ own downloads', () => {
  it('gives the documented findings, and exit 3 for the damaged account only', async () => {
    const dir = await folder();
    const r = run(['audit', '-C', dir, '--as-of', '2026-11-21', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout);
    const incomplete = report.accounts.filter((a: { complete: boolean }) => !a.complete);
    expect(incomplete.map((a: { name: string }) => a.name)).toEqual(['broken-tiktok']);
    expect(incomplete[0].error).toMatch(/truncated/);
    const found = (report.findings as Finding[])
      .filter((f) => f.account !== 'labor-x')
      .map((f) => `${f.account} ${f.kind} ${f.target.handle ?? f.target.name ?? f.target.id}`)
      .sort();
    expect(found).toEqual(
      [
        'chapter-bluesky not-allowed did:plc:examplepundit000000000',
        'chapter-facebook name-only-match Example Tenants Union',
        'chapter-facebook not-allowed José Sample Café',
        'chapter-facebook not-allowed René Example',
        'chapter-instagram not-allowed examplepundit',
        'chapter-mastodon not-allowed examplepundit@social.example.net',
        // A cached handle never outweighs an id: 1000000042 is not the entry's 1000000777.
        'chapter-x not-allowed ExampleImpostor',
        'chapter-x not-allowed PunditExample',
        'chapter-youtube not-allowed Ein lauter Kommentator',
        'chapter-tiktok not-allowed examplepundit',
      ].sort(),
    );
    const x = report.accounts.find((a: { name: string }) => a.name === 'chapter-x');
    expect(x).toMatchObject({ source: 'export', complete: true, following: 3 });
  });

  it('keeps the id↔handle pairs it learned in .follow-audit/identities.json', async () => {
    const dir = await folder();
    run(['audit', '-C', dir, '--as-of', '2026-11-21', '--format', 'json']);
    const cache = JSON.parse(await readFile(join(dir, '.follow-audit/identities.json'), 'utf8'));
    expect(cache.identities.x['1000000001'].handle).toBe('ExampleLakesideDSA');
    const again = run([
      'audit',
      '-C',
      dir,
      '--account',
      'chapter-x',
      '--as-of',
      '2026-11-21',
      '--format',
      'json',
    ]);
    const handles = JSON.parse(again.stdout).findings.map((f: Finding) => f.target.handle);
    expect(handles.sort()).toEqual(['ExampleImpostor', 'PunditExample']);
  });
});
