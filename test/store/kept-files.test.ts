// Writing under .follow-audit/ is best effort: a read-only mount (where a recursive mkdir says
// ENOENT), a full disk, a permission refused, a file where a folder should be, each cost only
// what was not kept, said in one note in every format, and never the verdict or the exit code.
// These tests run as root in CI, where chmod blocks nothing: the faults are injected at the file
// system calls the tool makes (node:fs/promises), and the file-for-a-folder case is real.
import { readdir, utimes, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { audit } from '../../src/audit.js';
import { exitCodeFor } from '../../src/core/exit-code.js';
import type { Report } from '../../src/core/report.js';
import { reporters } from '../../src/report/registry.js';
import type { ApiServer } from '../helpers/api-server.js';
import { runAsync } from '../helpers/cli.js';
import { junitProblems } from '../helpers/junit-schema.js';
import { sampleAccounts, startMastodonServer } from '../helpers/mastodon-api.js';
import { writeTree } from '../helpers/tree.js';

const fault = vi.hoisted(() => ({ code: null as string | null }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const refused = (path: unknown) => {
    if (!fault.code || !String(path).includes(`${sep}.follow-audit`)) return null;
    return Object.assign(new Error(`${fault.code}: injected`), { code: fault.code });
  };
  const writer =
    <A extends unknown[], R>(call: (path: never, ...rest: A) => Promise<R>) =>
    (path: never, ...rest: A): Promise<R> => {
      const error = refused(path);
      return error ? Promise.reject(error) : call(path, ...rest);
    };
  const open: typeof fs.open = (path, flags, mode) => {
    const error = flags === undefined || flags === 'r' ? null : refused(path);
    return error ? Promise.reject(error) : fs.open(path, flags, mode);
  };
  const mocked = {
    ...fs,
    open,
    mkdir: writer(fs.mkdir),
    rename: writer(fs.rename),
    writeFile: writer(fs.writeFile),
  };
  return { ...mocked, default: mocked };
});

let server: ApiServer;
beforeAll(async () => {
  server = await startMastodonServer({
    self: { id: '1', acct: 'examplecitydsa' },
    follows: [{ id: '5', acct: 'lakesidedsa' }, ...sampleAccounts(2)],
  });
});
afterAll(() => server.close());

async function folder(): Promise<string> {
  return writeTree({
    'policy/policy.yaml': `organization: Example City DSA
accounts:
  - { name: chapter-mastodon, platform: mastodon, handle: examplecitydsa@mastodon.example.org, api_url: "${server.url}" }
  - { name: chapter-x, platform: x, handle: ExampleCityDSA, source: lists/x.csv, as_of: 2026-11-20 }
`,
    'allowlists/dsa.yaml': `category: dsa
entries:
  - { name: Lakeside DSA, accounts: { x: LakesideDSA, mastodon: lakesidedsa@mastodon.example.org } }
`,
    'lists/x.csv': 'id,handle\n1001,LakesideDSA\n1002,SomeoneElse\n',
  });
}

const run = (dir: string) =>
  audit({ config: dir, asOf: '2026-11-21', env: {}, now: () => new Date('2026-11-21T08:00:00Z') });
const verdictOf = (r: Report) => ({
  findings: r.findings,
  summary: r.summary,
  accounts: r.accounts,
  code: exitCodeFor(r, 'lapsed'),
});

const REASONS: Record<string, string> = {
  ENOENT: 'the folder is missing and cannot be made (is it read-only?)',
  EROFS: 'the folder is read-only',
  EACCES: 'the folder is read-only for this user',
  EPERM: 'the folder is read-only for this user',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk is full',
  ENOTDIR: 'a file stands where a folder should be',
  EIO: 'the file system refused it (EIO)',
};

describe('writes under .follow-audit/ that fail', () => {
  it('change nothing but one note, for every kind of write error', { timeout: 60_000 }, async () => {
    const baseline = verdictOf(await run(await folder()));
    expect(baseline.code).toBe(1);
    for (const [code, reason] of Object.entries(REASONS)) {
      const dir = await folder();
      fault.code = code;
      const report = await run(dir).finally(() => {
        fault.code = null;
      });
      expect(verdictOf(report), code).toEqual(baseline);
      const note = `the snapshot of chapter-mastodon, the ids learned (.follow-audit/identities.json) and the report were not kept in .follow-audit/: ${reason}`;
      expect(report.notes, code).toEqual([note]);
      expect(await readdir(dir)).not.toContain('.follow-audit');
      for (const format of Object.keys(reporters) as (keyof typeof reporters)[]) {
        const text = reporters[format](report, { color: false, width: 400 });
        expect(text.replace(/\\/g, '').replace(/\s+/g, ' '), `${code} ${format}`).toContain(note.slice(-60));
      }
      expect(await junitProblems(reporters.junit(report, { color: false, width: 80 }))).toEqual([]);
    }
  });

  it('a file where the folder should be: same exit code, the note on screen, no crash', {
    timeout: 60_000,
  }, async () => {
    const dir = await folder();
    const ok = await runAsync(['audit', '-C', dir, '--as-of', '2026-11-21', '--format', 'json']);
    const blocked = await folder();
    await writeFile(join(blocked, '.follow-audit'), 'not a folder\n');
    const audited = await runAsync(['audit', '-C', blocked, '--as-of', '2026-11-21']);
    expect(audited.code).toBe(ok.code);
    expect(audited.stderr).toBe('');
    expect(audited.stdout).toMatch(/Not kept\n {2}! the snapshot of chapter-mastodon, the ids learned/);
    expect(audited.stdout).toMatch(/not kept in\s+\.follow-audit\/: a file stands where a folder should be/);

    const fetched = await runAsync(['fetch', '-C', blocked]);
    expect(fetched.code).toBe(0);
    expect(fetched.stdout).toMatch(/chapter-mastodon \(Mastodon\): 3 followed, complete, NOT saved/);
    expect(fetched.stdout).toMatch(
      /the snapshot of chapter-mastodon was not kept in \.follow-audit\/: a file stands/,
    );

    const download = join(blocked, 'lists/following_accounts.csv');
    await writeFile(
      download,
      'Account address,Show boosts,Notify on new posts,Languages\nlakesidedsa@mastodon.example.org,true,false,\n',
    );
    const imported = await runAsync(['import', '-C', blocked, '--account', 'chapter-mastodon', download]);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toMatch(
      /the list of chapter-mastodon was not kept in \.follow-audit\/: a file stands where a folder should be\n$/,
    );
  });

  it('leave no temp file of an interrupted write past the next run', async () => {
    const dir = await folder();
    const reports = join(dir, '.follow-audit/reports');
    await run(dir);
    // pid_max on Linux is at most 2^22: no process has this id.
    const dead = 'a.json.4194999-0123456789ab.tmp';
    const stray = 'b.json.tmp';
    const mine = `c.json.${process.pid}-0123456789ab.tmp`;
    const alive = `d.json.${process.ppid}-0123456789ab.tmp`;
    const stale = `e.json.${process.ppid}-0123456789ab.tmp`;
    for (const name of [dead, stray, mine, alive, stale]) await writeFile(join(reports, name), '{"half');
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    await utimes(join(reports, stale), twoDaysAgo, twoDaysAgo);
    const report = await run(dir);
    expect(report.notes).toBeUndefined();
    const left = (await readdir(reports)).filter((n) => n.endsWith('.tmp')).sort();
    expect(left).toEqual([mine, alive].sort());
  });
});
