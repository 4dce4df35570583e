// A source file the tool cannot read may be a .env, a password file or a damaged download that
// holds a secret the tool does not know as one. Its messages describe the file (size, kind,
// where it breaks) and never quote it: no run of 8 characters of what it holds reaches a
// screen, any report format, or a file the audit keeps.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { reporters } from '../../src/report/registry.js';
import { runAsync } from '../helpers/cli.js';
import { writeTree } from '../helpers/tree.js';

// Not one of the credentials the tool redacts: only not quoting the file keeps it out.
const SECRET = 'pw-Hq7Zx2Lm9VbN4Kd8RtYw';
const CHANNEL = 'UCaaaaaaaaaaaaaaaaaaaaaa';

const SOURCES: Record<string, { platform: string; handle: string; file: string; text: string }> = {
  dotenv: { platform: 'x', handle: 'owner', file: '.env', text: `DATABASE_PASSWORD=${SECRET}\n` },
  'dotenv-like-mastodon': {
    platform: 'mastodon',
    handle: 'owner@social.example.org',
    file: 'lists/.env',
    text: `alice@social.example.org\nAPI_KEY=${SECRET}\n`,
  },
  passwd: {
    platform: 'x',
    handle: 'owner',
    file: '../outside/passwd',
    text: `root:x:0:0:${SECRET}:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n`,
  },
  'broken-instagram': {
    platform: 'instagram',
    handle: 'owner',
    file: 'lists/following.json',
    text: `{"relationships_following": [{"token": ${SECRET}}]}`,
  },
  'broken-json': {
    platform: 'twitch',
    handle: 'owner',
    file: 'lists/keys.json',
    text: `{"token": ${SECRET}}`,
  },
  'broken-x-archive': {
    platform: 'x',
    handle: 'owner',
    file: 'lists/following.js',
    text: `window.YTD.following.part0 = [{"following": {"accountId": ${SECRET}}}]`,
  },
  'youtube-row': {
    platform: 'youtube',
    handle: '"@owner"',
    file: 'lists/subscriptions.csv',
    text: `${CHANNEL},https://www.youtube.com/channel/${CHANNEL},A Channel\n${SECRET},x,y\n`,
  },
  html: { platform: 'facebook', handle: 'owner', file: 'lists/page.html', text: `<html>${SECRET}</html>` },
  csv: { platform: 'tiktok', handle: 'owner', file: 'lists/keys.csv', text: `key,value\napi,${SECRET}\n` },
};

async function folder(): Promise<string> {
  const accounts = Object.entries(SOURCES)
    .map(
      ([name, s]) =>
        `  - { name: ${name}, platform: ${s.platform}, handle: ${s.handle}, source: "${s.file}" }\n`,
    )
    .join('');
  const files: Record<string, string> = {
    'org/policy/policy.yaml': `organization: Example City DSA\naccounts:\n${accounts}`,
    'org/allowlists/dsa.yaml':
      'category: dsa\nentries:\n  - { name: Lakeside DSA, accounts: { x: LakesideDSA } }\n',
  };
  for (const s of Object.values(SOURCES)) files[join('org', s.file)] = s.text;
  return join(await writeTree(files), 'org');
}

/** Every run of 8 characters of the secret that `text` holds. */
function secretRuns(text: string): string[] {
  const runs: string[] = [];
  for (let i = 0; i + 8 <= SECRET.length; i++)
    if (text.includes(SECRET.slice(i, i + 8))) runs.push(SECRET.slice(i, i + 8));
  return runs;
}

describe('a file the tool cannot read is described, never echoed', () => {
  it('in the report: every account incomplete, its error saying what the file is', async () => {
    const dir = await folder();
    const report = await audit({ config: dir, asOf: '2026-11-21', offline: true });
    const errors = Object.fromEntries(report.accounts.map((a) => [a.name, a.error]));
    expect(report.accounts.every((a) => !a.complete)).toBe(true);
    expect(errors.dotenv).toMatch(
      /^\.env is not a format follow-audit reads: it is text of 1 line with no CSV header row \(42 bytes\)/,
    );
    expect(errors['dotenv-like-mastodon']).toMatch(/the first cell of row 2 is not an account address/);
    expect(errors.passwd).toMatch(
      /^\.\.\/outside\/passwd is not a format follow-audit reads: it is text of 2 lines/,
    );
    expect(errors['broken-instagram']).toMatch(
      /looks like Instagram following\.json, but its JSON is broken/,
    );
    expect(errors['broken-json']).toMatch(/starts like JSON, but its JSON is broken/);
    expect(errors['broken-x-archive']).toMatch(
      /looks like X archive data\/following\.js, but its JSON is broken/,
    );
    expect(errors['youtube-row']).toMatch(/row 2 does not start with a channel id/);
    expect(errors.html).toMatch(
      /it is an HTML page \(\d+ bytes\): request the download again in JSON format/,
    );
    expect(errors.csv).toMatch(/it is a CSV file with 2 columns, none of them named id, handle, name or url/);
    for (const format of Object.keys(reporters) as (keyof typeof reporters)[])
      expect(secretRuns(reporters[format](report, { color: false, width: 100 })), format).toEqual([]);
  });

  it('on screen and in every file the audit keeps', { timeout: 60_000 }, async () => {
    const dir = await folder();
    const outputs: string[] = [];
    const offline = ['audit', '-C', dir, '--as-of', '2026-11-21', '--offline'];
    for (const format of Object.keys(reporters)) {
      const run = await runAsync([...offline, '--format', format]);
      expect(run.code).toBe(3);
      outputs.push(run.stdout, run.stderr);
    }
    const kept = await readdir(join(dir, '.follow-audit'), { recursive: true, withFileTypes: true });
    const files = kept.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    expect(files.some((f) => f.includes('reports'))).toBe(true);
    for (const f of files) outputs.push(await readFile(f, 'utf8'));
    expect(secretRuns(outputs.join('\n'))).toEqual([]);
  });
});
