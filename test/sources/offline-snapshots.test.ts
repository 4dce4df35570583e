// --offline audits only a snapshot that is the account's own list: same platform, same account
// name, and the same account by id (where both know one) or handle (docs/sources.md).
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { writeTree } from '../helpers/tree.js';

const DSA = `category: dsa
entries:
  - name: Lakeside DSA
    accounts:
      x: { handle: ExampleLakesideDSA, id: "1000000002" }
`;

function snapshot(o: {
  platform?: string;
  account?: string;
  handle?: string;
  accountId?: string;
  fetchedAt: string;
  following?: string[];
}) {
  return JSON.stringify({
    schemaVersion: 1,
    platform: o.platform ?? 'x',
    account: o.account ?? 'main-x',
    handle: o.handle ?? 'ExampleCityDSA',
    ...(o.accountId ? { accountId: o.accountId } : {}),
    fetchedAt: o.fetchedAt,
    complete: true,
    following: (o.following ?? ['ExampleLakesideDSA']).map((h) => ({
      id: null,
      handle: h,
      name: null,
      url: null,
    })),
  });
}

const OWN = snapshot({ fetchedAt: '2026-11-20T08:00:00Z' });
const at = (iso: string) => `.follow-audit/snapshots/main-x/${iso.replace(/:/g, '-')}.json`;

async function folder(
  files: Record<string, string>,
  account = '{ name: main-x, platform: x, handle: ExampleCityDSA, source: api }',
) {
  return writeTree({
    'policy/policy.yaml': `organization: Example City DSA\naccounts:\n  - ${account}\n`,
    'allowlists/dsa.yaml': DSA,
    ...files,
  });
}

const offline = (dir: string) => audit({ config: dir, asOf: '2026-11-21', offline: true });

describe('--offline snapshots', () => {
  it('passes over a newer snapshot in the folder that says platform bluesky', async () => {
    const dir = await folder({
      [at('2026-11-20T08:00:00Z')]: OWN,
      [at('2026-11-21T08:00:00Z')]: snapshot({
        platform: 'bluesky',
        handle: 'examplecitydsa.example.org',
        fetchedAt: '2026-11-21T08:00:00Z',
        following: ['stranger.example.org'],
      }),
    });
    const report = await offline(dir);
    expect(report.accounts[0]).toMatchObject({ complete: true, following: 1, listDate: '2026-11-20' });
    expect(report.accounts[0]!.notes.join('\n')).toContain(
      "is not main-x's list (X @ExampleCityDSA) but Bluesky @examplecitydsa.example.org: left out",
    );
    expect(report.findings).toEqual([]);
  });

  it('passes over a snapshot of another handle, or of another account name', async () => {
    const dir = await folder({
      [at('2026-11-20T08:00:00Z')]: OWN,
      [at('2026-11-21T07:00:00Z')]: snapshot({
        handle: 'ExampleOtherChapter',
        fetchedAt: '2026-11-21T07:00:00Z',
        following: ['ExampleStranger'],
      }),
      [at('2026-11-21T08:00:00Z')]: snapshot({
        account: 'labor-x',
        fetchedAt: '2026-11-21T08:00:00Z',
        following: ['ExampleStranger'],
      }),
    });
    const report = await offline(dir);
    expect(report.accounts[0]).toMatchObject({ complete: true, listDate: '2026-11-20' });
    expect(report.findings).toEqual([]);
    expect(report.accounts[0]!.notes.join('\n')).toContain('2 snapshots in .follow-audit/snapshots/main-x/');
  });

  it('decides by id when both the policy and the snapshot know one, whatever the handle', async () => {
    const withId = '{ name: main-x, platform: x, handle: ExampleCityDSA, id: "1000000001", source: api }';
    const dir = await folder(
      {
        [at('2026-11-19T08:00:00Z')]: snapshot({
          handle: 'OldChapterName',
          accountId: '1000000001',
          fetchedAt: '2026-11-19T08:00:00Z',
        }),
        [at('2026-11-21T08:00:00Z')]: snapshot({
          accountId: '1000000077',
          fetchedAt: '2026-11-21T08:00:00Z',
          following: ['ExampleStranger'],
        }),
      },
      withId,
    );
    const report = await offline(dir);
    expect(report.accounts[0]).toMatchObject({ complete: true, listDate: '2026-11-19' });
    expect(report.findings).toEqual([]);
  });

  it("is incomplete (exit 3) when every snapshot is someone else's, naming whose", async () => {
    const dir = await folder({
      [at('2026-11-21T08:00:00Z')]: snapshot({
        platform: 'bluesky',
        handle: 'examplecitydsa.example.org',
        fetchedAt: '2026-11-21T08:00:00Z',
      }),
    });
    const report = await offline(dir);
    expect(report.accounts[0]).toMatchObject({ complete: false });
    expect(report.accounts[0]!.error).toContain('but Bluesky @examplecitydsa.example.org, and none is');
    expect(report.accounts[0]!.error).toContain('follow-audit fetch');
  });

  it("refuses a snapshot named in source: that is another handle's list", async () => {
    const dir = await folder(
      { 'lists/other.json': snapshot({ handle: 'ExampleOtherChapter', fetchedAt: '2026-11-20T08:00:00Z' }) },
      '{ name: main-x, platform: x, handle: ExampleCityDSA, source: lists/other.json }',
    );
    const report = await offline(dir);
    expect(report.accounts[0]).toMatchObject({ complete: false });
    expect(report.accounts[0]!.error).toContain('is the snapshot of @ExampleOtherChapter, not of main-x');
  });
});
