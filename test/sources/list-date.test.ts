// Every list carries the day it describes, and a list older than max_age_days is never audited
// as today's (docs/sources.md, docs/files.md).
import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { check } from '../../src/commands/check.js';
import { exitCodeFor as exitCode } from '../../src/core/exit-code.js';
import { reporters } from '../../src/report/registry.js';
import { reportSchema } from '../../src/report/report-schema.js';
import { obtainOptions } from '../../src/sources/obtain-all.js';
import { instagramZip, xArchive } from '../helpers/downloads.js';
import { writeTree } from '../helpers/tree.js';

const DSA = `category: dsa
entries:
  - name: Lakeside DSA
    accounts:
      x: { handle: ExampleLakesideDSA, id: "1000000002" }
      instagram: examplelakesidedsa
`;

function policy(accounts: string, top = '') {
  return `organization: Example City DSA\ncontact: communications@example.org\ntimezone: America/Los_Angeles\n${top}accounts:\n${accounts}`;
}

async function folder(accounts: string, files: Record<string, string | Uint8Array>, top = '') {
  return writeTree({ 'policy/policy.yaml': policy(accounts, top), 'allowlists/dsa.yaml': DSA, ...files });
}

const archive = (generated: string) =>
  xArchive({
    username: 'ExampleCityDSA',
    accountId: '1000000001',
    following: ['1000000002'],
    generated,
  });

const X_ZIP = '  - { name: chapter-x, platform: x, handle: ExampleCityDSA, source: exports/x.zip }\n';

describe('list dates', () => {
  it("an X archive is dated by its manifest's generationDate, and a stale one is incomplete (exit 3)", async () => {
    // The manifest says 2025-01-15; the ZIP's member times say later: the manifest wins.
    const zipped = archive('2025-01-15T10:00:00.000Z');
    const dir = await folder(X_ZIP, { 'exports/x.zip': zipped });
    const report = await audit({ config: dir, asOf: '2026-12-01', offline: true });
    const [account] = report.accounts;
    expect(account).toMatchObject({ listDate: '2025-01-15', complete: false, following: 1 });
    expect(account!.error).toContain('2025-01-15');
    expect(account!.error).toContain('older than max_age_days (45)');
    expect(account!.error).toContain('Download an archive of your data');
    expect(report.findings).toEqual([]);
    expect(exitCode(report, 'lapsed')).toBe(3);
    expect(reportSchema.safeParse(report).success).toBe(true);
  });

  it('a recent archive is audited, dated by its manifest', async () => {
    const dir = await folder(X_ZIP, { 'exports/x.zip': archive('2026-11-20T09:58:12.345Z') });
    const report = await audit({ config: dir, asOf: '2026-12-01', offline: true });
    expect(report.accounts[0]).toMatchObject({ listDate: '2026-11-20', complete: true, error: null });
    expect(exitCode(report, 'lapsed')).toBe(0);
  });

  it('max_age_days: 0 turns the check off; an account may override the top-level value', async () => {
    const stale = { 'exports/x.zip': archive('2025-01-15T10:00:00.000Z') };
    const off = await folder(X_ZIP, stale, 'max_age_days: 0\n');
    expect((await audit({ config: off, asOf: '2026-12-01', offline: true })).accounts[0]).toMatchObject({
      listDate: '2025-01-15',
      complete: true,
    });
    const own = await folder(
      `${X_ZIP.trimEnd().slice(0, -2)}, max_age_days: 1000 }\n`,
      stale,
      'max_age_days: 0\n',
    );
    expect((await audit({ config: own, asOf: '2026-12-01', offline: true })).accounts[0]!.complete).toBe(
      true,
    );
    const strict = await folder(`${X_ZIP.trimEnd().slice(0, -2)}, max_age_days: 10 }\n`, {
      'exports/x.zip': archive('2026-11-20T09:58:12.345Z'),
    });
    const report = await audit({ config: strict, asOf: '2026-12-01', offline: true });
    expect(report.accounts[0]).toMatchObject({ complete: false });
    expect(report.accounts[0]!.error).toContain('older than max_age_days (10)');
  });

  it('a ZIP without a manifest is dated by the newest time of its files, in the policy timezone', async () => {
    const dir = await folder(
      '  - { name: chapter-instagram, platform: instagram, handle: examplecitydsa, source: exports/ig.zip }\n',
      {
        'exports/ig.zip': instagramZip({
          username: 'examplecitydsa',
          following: ['examplelakesidedsa'],
          made: new Date('2026-11-20T03:00:00Z'),
        }),
      },
    );
    const report = await audit({ config: dir, asOf: '2026-12-01', offline: true });
    // 03:00 UTC is the evening before in Los Angeles.
    expect(report.accounts[0]).toMatchObject({ listDate: '2026-11-19', complete: true });
    expect(report.accounts[0]!.notes).toContain('list as of 2026-11-19, from the files in the ZIP');
  });

  it("a loose export file is dated by a date in its name, never by the file's modification time", async () => {
    const following = JSON.stringify({
      relationships_following: [
        {
          title: 'examplelakesidedsa',
          string_list_data: [{ href: 'https://www.instagram.com/_u/examplelakesidedsa', timestamp: 1 }],
        },
      ],
    });
    const dir = await folder(
      '  - { name: named, platform: instagram, handle: examplecitydsa, source: exports/following-2026-11-18.json }\n' +
        '  - { name: loose, platform: instagram, handle: examplecitydsa, source: exports/following.json }\n',
      { 'exports/following-2026-11-18.json': following, 'exports/following.json': following },
    );
    // A fresh checkout: the modification time says today, which is no date of the list.
    await utimes(join(dir, 'exports/following.json'), new Date(), new Date());
    const report = await audit({ config: dir, asOf: '2026-12-01', offline: true });
    expect(report.accounts[0]).toMatchObject({ listDate: '2026-11-18', complete: true });
    expect(report.accounts[1]).toMatchObject({ listDate: null, complete: true });
    expect(report.accounts[1]!.notes.join()).toContain('the list records no date');
  });

  it('a CSV is dated by as_of; without it the list is audited undated, with a note', async () => {
    const csv = 'handle\nExampleLakesideDSA\n';
    const dir = await folder(
      '  - { name: dated, platform: x, handle: ExampleCityDSA, source: lists/a.csv, as_of: 2026-11-20 }\n' +
        '  - { name: old, platform: x, handle: ExampleCityDSA, source: lists/a.csv, as_of: 2026-09-01 }\n' +
        '  - { name: undated, platform: x, handle: ExampleCityDSA, source: lists/a.csv }\n',
      { 'lists/a.csv': csv },
    );
    const report = await audit({ config: dir, asOf: '2026-12-01', offline: true });
    const [dated, old, undated] = report.accounts;
    expect(dated).toMatchObject({ listDate: '2026-11-20', complete: true });
    expect(old).toMatchObject({ listDate: '2026-09-01', complete: false });
    expect(old!.error).toContain('set as_of: to its day');
    expect(undated).toMatchObject({ listDate: null, complete: true });
    expect(undated!.notes).toContain(
      'the list records no date, so its age is not checked: set as_of: in policy.yaml to the day it describes',
    );
  });

  it("an offline audit dates an API account by its snapshot's fetchedAt and says to fetch again", async () => {
    const snapshot = (fetchedAt: string) =>
      JSON.stringify({
        schemaVersion: 1,
        platform: 'x',
        account: 'chapter-x',
        handle: 'ExampleCityDSA',
        fetchedAt,
        complete: true,
        following: [{ id: '1000000002', handle: 'ExampleLakesideDSA', name: null, url: null }],
      });
    const dir = await folder('  - { name: chapter-x, platform: x, handle: ExampleCityDSA, source: api }\n', {
      '.follow-audit/snapshots/chapter-x/2026-09-01T08-00-00Z.json': snapshot('2026-09-01T08:00:00Z'),
    });
    const stale = await audit({ config: dir, asOf: '2026-12-01', offline: true });
    expect(stale.accounts[0]).toMatchObject({ listDate: '2026-09-01', complete: false });
    expect(stale.accounts[0]!.error).toContain('follow-audit fetch');
    await writeFile(
      join(dir, '.follow-audit/snapshots/chapter-x/2026-11-30T08-00-00Z.json'),
      snapshot('2026-11-30T08:00:00Z'),
    );
    const fresh = await audit({ config: dir, asOf: '2026-12-01', offline: true });
    expect(fresh.accounts[0]).toMatchObject({ listDate: '2026-11-30', complete: true });
  });

  it("the table, the Markdown report and a member's check show each list's date", async () => {
    const dir = await folder(X_ZIP, { 'exports/x.zip': archive('2026-11-20T09:58:12.345Z') });
    const report = await audit({ config: dir, asOf: '2026-12-01', offline: true });
    expect(reporters.table(report, { color: false, width: 200 })).toContain(
      'list as of: 2026-11-20 (11 days old)',
    );
    expect(reporters.markdown(report, { color: false, width: 200 })).toContain(
      '| 2026-11-20 (11 days old) |',
    );
    const [answer] = await check(dir, 'x:ExampleLakesideDSA', '2026-12-01', obtainOptions({}));
    expect(answer!.accounts[0]!.list).toMatchObject({ listDate: '2026-11-20' });
  });

  it('as_of on an account whose list records its own day is a configuration error', async () => {
    const dir = await folder(
      '  - { name: chapter-x, platform: x, handle: ExampleCityDSA, source: api, as_of: 2026-11-20 }\n',
      {},
    );
    await expect(audit({ config: dir, offline: true })).rejects.toThrow(/as_of.*remove as_of/);
  });
});
