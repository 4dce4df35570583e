import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import {
  BLUESKY_OWNER,
  blueskyCar,
  instagramZip,
  MARKER,
  tiktokJson,
  xArchive,
} from '../helpers/downloads.js';
import { writeTree } from '../helpers/tree.js';

const POLICY = `organization: Example City DSA
contact: communications@example.org
timezone: America/Los_Angeles
accounts:
  - { name: chapter-x, platform: x, handle: ExampleCityDSA, source: import }
  - { name: labor-circle-x, platform: x, handle: ExampleLaborCircle, id: "1000000050", source: import }
  - { name: chapter-instagram, platform: instagram, handle: examplecitydsa, source: import }
  - { name: chapter-tiktok, platform: tiktok, handle: examplecitydsa, source: import }
  - { name: chapter-bluesky, platform: bluesky, handle: examplecitydsa.example.org, id: "${BLUESKY_OWNER}", source: import }
`;
const DSA = `category: dsa
entries:
  - name: Lakeside DSA
    accounts:
      x: { handle: ExampleLakesideDSA, id: "1000000002" }
      instagram: examplelakesidedsa
      tiktok: examplelakesidedsa
      bluesky: { handle: lakeside.example.org, id: "did:plc:lakeside0000000000000000" }
`;

/** Every file under a folder, read as text. */
function everything(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => readFileSync(path, 'latin1'))
    .join('\n');
}

async function folderWithDownloads() {
  const dir = await writeTree({ 'policy/policy.yaml': POLICY, 'allowlists/dsa.yaml': DSA });
  const downloads = await writeTree({
    'download (3).zip': xArchive({
      username: 'ExampleCityDSA',
      accountId: '1000000001',
      following: ['1000000002', '1000000003'],
      generated: '2026-11-20T09:58:12.345Z',
    }),
    'instagram-examplecitydsa-2026-11-19-a1b2c3.zip': instagramZip({
      username: 'examplecitydsa',
      following: ['examplelakesidedsa', 'examplestranger'],
      made: new Date('2026-11-19T18:00:00Z'),
    }),
    'mine.json': tiktokJson({ username: 'examplecitydsa', following: ['examplelakesidedsa'] }),
    'export.car': await blueskyCar(['did:plc:lakeside0000000000000000']),
  });
  return { dir, downloads, file: (name: string) => join(downloads, name) };
}

describe('import', () => {
  it("keeps each download's following list for its account, and nothing else of it", async () => {
    const { dir, downloads, file } = await folderWithDownloads();
    const names = [
      'download (3).zip',
      'instagram-examplecitydsa-2026-11-19-a1b2c3.zip',
      'mine.json',
      'export.car',
    ];
    const result = run(['import', ...names.map(file), '-C', dir, '--as-of', '2026-11-21'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toContain(
      'chapter-x (X @ExampleCityDSA), 2 follows, list as of 2026-11-20 (from the export)',
    );
    expect(lines.find((l) => l.includes('chapter-instagram'))).toContain(
      'list as of 2026-11-19 (from the files in the ZIP) -> .follow-audit/snapshots/chapter-instagram/2026-11-19.json',
    );
    expect(result.stdout).toContain(
      'chapter-tiktok (TikTok @examplecitydsa), 1 follows, list as of 2026-11-21 (the download records no date: the day of the import)',
    );
    expect(result.stdout).toContain('chapter-bluesky (Bluesky @examplecitydsa.example.org), 1 follows');
    expect(result.stdout).toContain('delete them');

    const kept = everything(join(dir, '.follow-audit'));
    expect(kept).toContain('1000000003');
    expect(kept).toContain('examplestranger');
    expect(kept).not.toContain(MARKER);
    const snapshot = readFileSync(join(dir, '.follow-audit/snapshots/chapter-x/2026-11-20.json'), 'utf8');
    expect(snapshot.split('\n').filter((l) => l.includes('"id"'))).toHaveLength(2);
    expect(JSON.parse(snapshot)).toMatchObject({ source: 'import', listDate: '2026-11-20', complete: true });

    // The downloads can go: the audit reads the imported lists, and gives the same answer.
    const before = run(['audit', '--as-of', '2026-11-21', '--format', 'json', '--no-save'], { cwd: dir });
    rmSync(downloads, { recursive: true });
    const after = run(['audit', '--as-of', '2026-11-21', '--format', 'json', '--no-save'], { cwd: dir });
    expect(after.code).toBe(before.code);
    expect(after.stdout).toBe(before.stdout);
    const report = JSON.parse(after.stdout);
    expect(report.accounts.find((a: { name: string }) => a.name === 'chapter-instagram')).toMatchObject({
      source: 'import',
      complete: true,
      following: 2,
      listDate: '2026-11-19',
    });
    expect(
      report.findings.map(
        (f: { target: { handle: string | null; id: string | null } }) => f.target.handle ?? f.target.id,
      ),
    ).toEqual(expect.arrayContaining(['examplestranger', '1000000003']));
  });

  it('refuses a download that fits no account, naming the accounts there are', async () => {
    const { dir, file } = await folderWithDownloads();
    writeFileSync(
      file('other.zip'),
      xArchive({
        username: 'SomeoneElse',
        accountId: '1000000077',
        following: ['1'],
        generated: '2026-11-20T00:00:00Z',
      }),
    );
    const result = run(['import', file('other.zip'), '-C', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'is the X download of @SomeoneElse (id 1000000077), which is none of the X accounts',
    );
    expect(result.stderr).toContain(
      'chapter-x (X @ExampleCityDSA), labor-circle-x (X @ExampleLaborCircle (1000000050))',
    );
    expect(() => readdirSync(join(dir, '.follow-audit'))).toThrow();
    // Nor can --account make it someone else's.
    const forced = run(['import', file('other.zip'), '-C', dir, '--account', 'chapter-x']);
    expect(forced.code).toBe(2);
    expect(forced.stderr).toContain('--account chapter-x is @ExampleCityDSA');
  });

  it('asks for --account when a download fits two accounts', async () => {
    const dir = await writeTree({
      'policy/policy.yaml': `organization: Example\naccounts:
  - { name: chapter-tiktok, platform: tiktok, handle: examplecitydsa, source: import }
  - { name: youth-tiktok, platform: tiktok, handle: exampleyouth, source: import }
`,
      'allowlists/dsa.yaml': DSA,
      'download.json': tiktokJson({ username: null, following: ['examplelakesidedsa'] }),
    });
    const result = run(['import', 'download.json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'does not say whose it is, and fits 2 TikTok accounts: chapter-tiktok (TikTok @examplecitydsa), youth-tiktok (TikTok @exampleyouth). Run again with --account NAME',
    );
    const chosen = run(['import', 'download.json', '--account', 'youth-tiktok', '--as-of', '2026-11-21'], {
      cwd: dir,
    });
    expect(chosen.code).toBe(0);
    expect(chosen.stdout).toContain('-> .follow-audit/snapshots/youth-tiktok/2026-11-21.json');
  });

  it('refuses what is no download, and a policy without that platform, saying which accounts exist', async () => {
    const { dir, file } = await folderWithDownloads();
    writeFileSync(file('notes.txt'), 'just some notes');
    const notes = run(['import', file('notes.txt'), '-C', dir]);
    expect(notes.code).toBe(2);
    expect(notes.stderr).toContain('holds no following list follow-audit reads');
    const small = await writeTree({
      'policy/policy.yaml':
        'organization: Example\naccounts:\n  - { name: chapter-x, platform: x, handle: ExampleCityDSA, source: import }\n',
      'allowlists/dsa.yaml': DSA,
    });
    const other = run(['import', file('mine.json'), '-C', small]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(
      'policy.yaml has no TikTok account (accounts: chapter-x (X @ExampleCityDSA))',
    );
  });

  it('diffs two months of imports: who was followed and unfollowed', async () => {
    const dir = await writeTree({
      'policy/policy.yaml': POLICY,
      'allowlists/dsa.yaml': DSA,
      'october.zip': instagramZip({
        username: 'examplecitydsa',
        following: ['examplelakesidedsa', 'exampledropped'],
        made: new Date('2026-10-20T18:00:00Z'),
      }),
      'november.zip': instagramZip({
        username: 'examplecitydsa',
        following: ['examplelakesidedsa', 'examplenewfollow'],
        made: new Date('2026-11-20T18:00:00Z'),
      }),
    });
    expect(run(['import', 'october.zip', 'november.zip'], { cwd: dir }).code).toBe(0);
    const table = run(['diff', '--account', 'chapter-instagram'], { cwd: dir });
    expect(table.code).toBe(0);
    expect(table.stdout).toBe(
      'chapter-instagram (Instagram) 2026-10-20 → 2026-11-20: 1 followed, 1 unfollowed\n  + @examplenewfollow\n  - @exampledropped\n',
    );
    const october = readFileSync(
      join(dir, '.follow-audit/snapshots/chapter-instagram/2026-10-20.json'),
      'utf8',
    );
    const november = readFileSync(
      join(dir, '.follow-audit/snapshots/chapter-instagram/2026-11-20.json'),
      'utf8',
    );
    // One follow per line, in a stable order: a line-by-line diff of the files says the same.
    const lines = (text: string) => new Set(text.split('\n').map((l) => l.replace(/,$/, '')));
    const added = [...lines(november)].filter((l) => !lines(october).has(l));
    expect(added.filter((l) => l.includes('"handle"'))).toEqual([
      '    {"handle":"examplenewfollow","id":null,"name":null,"url":"https://www.instagram.com/examplenewfollow/"}',
    ]);
  });
});
