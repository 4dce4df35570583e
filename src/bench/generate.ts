import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// A synthetic organization for the benchmark: M allowlist entries over four category files,
// N follows spread over ten audited accounts (CSV sources), and every finding kind present.
// All names are invented ("sample…", example.org).

export const AS_OF = '2026-11-21';
const CATEGORIES = ['dsa', 'coalition', 'endorsed', 'partners'] as const;
const ACCOUNTS = [
  ['x-1', 'x'],
  ['x-2', 'x'],
  ['x-3', 'x'],
  ['x-partners', 'x'],
  ['bluesky-1', 'bluesky'],
  ['bluesky-2', 'bluesky'],
  ['instagram-1', 'instagram'],
  ['instagram-2', 'instagram'],
  ['mastodon-1', 'mastodon'],
  ['facebook-1', 'facebook'],
] as const;
type BenchPlatform = (typeof ACCOUNTS)[number][1];
const OTHER_PLATFORMS = ['bluesky', 'instagram', 'mastodon'] as const;

export interface Organization {
  dir: string;
  follows: number;
  entries: number;
}

/** Most entries are the chapters', partners', endorsed; one in sixteen only x-partners may follow. */
const category = (k: number) => (k % 16 === 15 ? 'partners' : CATEGORIES[k % 3]!);
const xId = (k: number) => String(2_000_000_000 + k);
const handleOf = (platform: BenchPlatform, k: number) =>
  platform === 'bluesky'
    ? `sample${k}.example.org`
    : platform === 'mastodon'
      ? `sample${k}@social.example.org`
      : `Sample${k}`;

/** One allowlist entry; endorsed ones cycle through current, ending soon, lapsed and retracted. */
function entryYaml(k: number): string {
  const other = OTHER_PLATFORMS[k % 3]!;
  const lines = [
    `  - name: Sample Entry ${k}`,
    '    accounts:',
    `      x: { handle: ${handleOf('x', k)}, id: "${xId(k)}" }`,
    `      ${other}: ${k % 2 ? handleOf(other, k) : `"@${handleOf(other, k)}"`}`,
    `      facebook: https://www.facebook.com/${handleOf('facebook', k)}`,
  ];
  if (category(k) === 'endorsed') {
    const state = Math.floor(k / 3) % 8; // current (5 in 8), ending soon, lapsed, retracted
    const expires = state === 5 ? '2026-12-01' : state === 6 ? '2026-11-03' : '2027-11-03';
    lines.push('    endorsement:', '      level: local', `      expires: ${expires}`);
    if (state === 7) lines.push('      retracted: { date: 2026-08-15, reason: Sample reason }');
  }
  lines.push(
    '    decided: 2024-03-02',
    '    decision: General meeting vote, minutes at https://example.org/m',
  );
  return lines.join('\n');
}

function profileUrl(platform: 'bluesky' | 'instagram' | 'mastodon', handle: string): string {
  if (platform === 'bluesky') return `https://bsky.app/profile/${handle}`;
  if (platform === 'instagram') return `https://www.instagram.com/${handle}/`;
  const [user, host] = handle.split('@');
  return `https://${host}/@${user}`;
}

/** One CSV row for follow j of an account: mostly allowlisted, with every other case mixed in. */
function followRow(platform: BenchPlatform, account: number, j: number, entries: number): string {
  const k = (j * 7919 + account * 104_729) % entries;
  const kind = j % 20;
  if (platform === 'facebook') {
    if (kind === 0) return `,,Sample Entry ${k},`;
    if (kind === 1) return `,,Unlisted Sample ${account}-${j},`;
    return `,${handleOf('facebook', k)},Sample Entry ${k},`;
  }
  if (kind === 0) return `,unlisted${account}x${j}${platform === 'bluesky' ? '.example.org' : ''},,`;
  if (platform !== 'x') {
    // The nearest entry that lists an account on this platform.
    const handle = handleOf(platform, k - (k % 3) + OTHER_PLATFORMS.indexOf(platform));
    return kind === 1 ? `,,,${profileUrl(platform, handle)}` : `,${handle},,`;
  }
  if (kind === 1) return `${xId(k)},renamed${k},Sample Entry ${k},`;
  if (kind === 2) return `${xId(k)},,,`;
  if (kind === 3) return `,,,https://x.com/${handleOf('x', k)}`;
  const exception = EXCEPTION_FOLLOWS[j % 100];
  if (exception) return `,${exception},,`;
  return `${xId(k)},${handleOf('x', k)},Sample Entry ${k},`;
}

// Follows (by j % 100) covered by the current, the ending-soon and the expired exception.
const EXCEPTION_FOLLOWS: Record<number, string> = {
  10: 'SampleExceptionCurrent',
  11: 'SampleExceptionSoon',
  12: 'SampleExceptionOver',
};

const EXCEPTIONS = `exceptions:
  - { account: "*", follows: x:SampleExceptionCurrent, reason: Press, approved_by: Steering, expires: 2027-06-01 }
  - { account: "*", follows: x:SampleExceptionSoon, reason: Press, approved_by: Steering, expires: 2026-12-01 }
  - { account: "*", follows: x:SampleExceptionOver, reason: Press, approved_by: Steering, expires: 2026-10-01 }
  - { account: x-3, follows: x:SampleNeverFollowed, reason: Press, approved_by: Steering, expires: 2027-06-01 }
`;

/** Writes the organization into `dir` (an empty folder). */
export async function generateOrganization(dir: string, follows: number, entries: number) {
  await mkdir(join(dir, 'policy'), { recursive: true });
  await mkdir(join(dir, 'allowlists'), { recursive: true });
  await mkdir(join(dir, 'lists'), { recursive: true });
  const accounts = ACCOUNTS.map(
    ([name, platform]) =>
      `  - name: ${name}\n    platform: ${platform}\n    handle: ${handleOf(platform, 0).replace('0', 'owner')}\n    source: lists/${name}.csv\n${name === 'x-partners' ? '    allow: [dsa, coalition, endorsed, partners]\n' : ''}`,
  );
  await writeFile(
    join(dir, 'policy/policy.yaml'),
    `organization: Sample Benchmark DSA\ncontact: comms@example.org\nwarn_days: 30\nallow: [dsa, coalition, endorsed]\naccounts:\n${accounts.join('')}${EXCEPTIONS}`,
  );
  for (const name of CATEGORIES) {
    const own: string[] = [];
    for (let k = 0; k < entries; k++) if (category(k) === name) own.push(entryYaml(k));
    await writeFile(join(dir, `allowlists/${name}.yaml`), `category: ${name}\nentries:\n${own.join('\n')}\n`);
  }
  for (const [i, [name, platform]] of ACCOUNTS.entries()) {
    const count = Math.floor(follows / ACCOUNTS.length) + (i < follows % ACCOUNTS.length ? 1 : 0);
    const rows = ['id,handle,name,url'];
    for (let j = 0; j < count; j++) rows.push(followRow(platform, i, j, entries));
    await writeFile(join(dir, `lists/${name}.csv`), `${rows.join('\n')}\n`);
  }
  return { dir, follows, entries } satisfies Organization;
}
