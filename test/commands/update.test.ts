import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { type UpdateOptions, update, updateExitCode } from '../../src/commands/update.js';
import { ConfigError, formatProblem } from '../../src/errors.js';
import { updateTable } from '../../src/report/update-table.js';
import { type HttpsServer, startHttpsServer, trustingFetch } from '../helpers/https-server.js';
import { chapterFolders, includeOf, NATIONAL, pinnedCopy, sha256 } from '../helpers/shared.js';

let server: HttpsServer;
beforeAll(async () => {
  server = await startHttpsServer();
});
afterAll(() => server.close());

const folders = chapterFolders(['SamSampleForSenate', 'MariaFictional', 'RosaNew']);
const folder = folders.make;
afterEach(async () => {
  await folders.removeAll();
  for (const key of Object.keys(server.routes)) delete server.routes[key];
});

const run = (dir: string, more: Partial<UpdateOptions> = {}) =>
  update({ config: dir, asOf: '2026-11-21', fetch: trustingFetch, sleep: async () => {}, ...more });

const copies = async (dir: string) =>
  (await readdir(join(dir, '.follow-audit/shared')).catch(() => [])).sort();

/** The national list a month later: Sam's retraction moved, Maria re-endorsed, Rosa added, Lee dropped. */
const LATER = NATIONAL.replace('retracted: { date: 2026-08-15', 'retracted: { date: 2026-08-01')
  .replace('expires: 2028-11-07', 'expires: 2030-11-05')
  .replace('x: MariaFictional', 'x: { handle: MariaFictional, id: "1000000077" }')
  .concat('  - name: Rosa New\n    accounts:\n      x: RosaNew\n');

describe('update, with a shared list by URL on a local https server', () => {
  it('pins a list not pinned yet with --write, keeping the comments, and audits offline from the copy', async () => {
    server.routes['/national/endorsed.yaml'] = { body: NATIONAL };
    const source = `${server.url}/national/endorsed.yaml`;
    const including = `# National endorsements, kept by the national organization\ninclude: ${source} # their list\n`;
    const dir = await folder({ 'allowlists/national.yaml': including });

    const dry = await run(dir);
    expect(dry.lists.map((l) => [l.state, l.pinned, l.sha256])).toEqual([['new', null, sha256(NATIONAL)]]);
    expect(updateExitCode(dry)).toBe(1);
    expect(await readFile(join(dir, 'allowlists/national.yaml'), 'utf8')).toBe(including);
    expect(await copies(dir)).toEqual([]);

    const written = await run(dir, { write: true });
    expect(updateExitCode(written)).toBe(1);
    expect(await readFile(join(dir, 'allowlists/national.yaml'), 'utf8')).toBe(
      `${including}sha256: ${sha256(NATIONAL)}\nupdated: 2026-11-21\n`,
    );
    expect(await readFile(join(dir, `.follow-audit/shared/${sha256(NATIONAL)}.yaml`), 'utf8')).toBe(NATIONAL);

    const again = await run(dir);
    expect(again.lists.map((l) => l.state)).toEqual(['unchanged']);
    expect(updateExitCode(again)).toBe(0);

    server.routes['/national/endorsed.yaml'] = { status: 503, body: 'down' };
    const report = await audit({ config: dir, asOf: '2026-11-21', offline: true, save: false });
    expect(report.findings.map((f) => [f.kind, f.target.handle, f.entry?.file, f.entry?.line])).toEqual([
      ['not-allowed', 'RosaNew', undefined, undefined],
      ['endorsement-retracted', 'SamSampleForSenate', source, 4],
    ]);
    expect(report.sharedLists?.map((s) => [s.source, s.sha256, s.updated])).toEqual([
      [source, sha256(NATIONAL), '2026-11-21'],
    ]);
  });

  it('shows what changed since the pin, changes nothing without --write, and pins it with --write', async () => {
    server.routes['/endorsed.yaml'] = { body: LATER };
    const source = `${server.url}/endorsed.yaml`;
    const more =
      'updated: 2026-10-01 # the last review\nexclude:\n  - name: Lee Dropped\n    decided: 2026-10-01\n';
    const pinned = `${NATIONAL}  - name: Lee Dropped\n    accounts:\n      bluesky: lee.example.org\n`;
    const including = includeOf(source, pinned, more);
    const dir = await folder({ 'allowlists/national.yaml': including, ...pinnedCopy(pinned) });

    const dry = await run(dir);
    expect(dry.lists[0]?.state).toBe('changed');
    expect(dry.lists[0]?.changes).toEqual([
      {
        change: 'retracted',
        entry: 'Sam Sample',
        line: 4,
        detail:
          'retracted 2026-08-01: Voted against the tenant protection ordinance (was 2026-08-15: Voted against the tenant protection ordinance)',
      },
      {
        change: 'accounts',
        entry: 'Maria Fictional',
        line: 13,
        detail: 'x: MariaFictional → MariaFictional id 1000000077',
      },
      {
        change: 'endorsement',
        entry: 'Maria Fictional',
        line: 13,
        detail: 'expires 2028-11-07 → 2030-11-05',
      },
      { change: 'added', entry: 'Rosa New', line: 23, detail: 'x: RosaNew' },
      { change: 'removed', entry: 'Lee Dropped', line: 23, detail: 'bluesky: lee.example.org' },
      {
        change: 'exclusion',
        entry: 'Lee Dropped',
        line: 6,
        detail: 'the shared list no longer has this entry: remove its exclusion',
      },
    ]);
    expect(await readFile(join(dir, 'allowlists/national.yaml'), 'utf8')).toBe(including);
    expect(await copies(dir)).toEqual([`${sha256(pinned)}.yaml`]);
    const table = updateTable(dry, false, false, 100);
    expect(table).toContain(`allowlists/national.yaml: ${source}`);
    expect(table).toContain(
      `changed since its pin: ${sha256(pinned).slice(0, 12)} → ${sha256(LATER).slice(0, 12)}`,
    );
    expect(table).toMatch(/│ endorsement +│ Maria Fictional +│ 13 +│ expires 2028-11-07 → 2030-11-05/);
    expect(table).toContain('Run "follow-audit update --write"');

    await run(dir, { write: true, asOf: '2026-11-22' });
    expect(await readFile(join(dir, 'allowlists/national.yaml'), 'utf8')).toBe(
      including
        .replace(sha256(pinned), sha256(LATER))
        .replace('updated: 2026-10-01 # the last review', 'updated: 2026-11-22 # the last review'),
    );
    // The old copy goes: git keeps it, and no include names it any more.
    expect(await copies(dir)).toEqual([`${sha256(LATER)}.yaml`]);
  });

  it('follows a redirect to https, and refuses one to plain http (exit 3)', async () => {
    server.routes['/moved.yaml'] = { status: 301, headers: { location: '/endorsed.yaml' } };
    server.routes['/endorsed.yaml'] = { body: NATIONAL };
    const dir = await folder({ 'allowlists/national.yaml': `include: ${server.url}/moved.yaml\n` });
    expect((await run(dir)).lists[0]?.sha256).toBe(sha256(NATIONAL));

    server.routes['/moved.yaml'] = { status: 302, headers: { location: 'http://127.0.0.1:1/endorsed.yaml' } };
    const refused = await run(dir, { write: true });
    expect(refused.lists[0]).toMatchObject({ state: 'failed', sha256: null });
    expect(refused.lists[0]?.error).toBe(
      `The shared list's server at ${server.url}/moved.yaml redirects to http://127.0.0.1:1/endorsed.yaml, which is not https: the file is taken only over https`,
    );
    expect(updateExitCode(refused)).toBe(3);
    expect(await copies(dir)).toEqual([]);
  });

  it('says so when the source cannot be fetched (exit 3) and keeps the pin', async () => {
    const dir = await folder({
      'allowlists/national.yaml': includeOf(`${server.url}/gone.yaml`, NATIONAL),
      ...pinnedCopy(NATIONAL),
    });
    const result = await run(dir, { write: true });
    expect(result.lists[0]?.error).toMatch(
      /^The shared list's server answered 404 Not Found at https:\/\/127\.0\.0\.1:\d+\/gone\.yaml/,
    );
    expect(updateExitCode(result)).toBe(3);
    expect(await copies(dir)).toEqual([`${sha256(NATIONAL)}.yaml`]);
    expect(updateTable(result, true, false, 100)).toContain('could not be fetched: ');
  });

  it('refuses a file larger than 10 MB without reading it all', async () => {
    server.routes['/huge.yaml'] = { body: Buffer.alloc(11 * 1024 * 1024, 0x20) };
    const dir = await folder({ 'allowlists/national.yaml': `include: ${server.url}/huge.yaml\n` });
    const result = await run(dir);
    expect(result.lists[0]?.error).toMatch(
      /sent more than 10 MB from https:\/\/127\.0\.0\.1:\d+\/huge\.yaml/,
    );
    expect(updateExitCode(result)).toBe(3);
  });
});

describe('update, with a shared list by path', () => {
  it('restores a missing pinned copy from a source that still holds the pin', async () => {
    const dir = await folder({
      'shared/national.yaml': NATIONAL,
      'allowlists/national.yaml': includeOf('../shared/national.yaml', NATIONAL),
    });
    const dry = await run(dir);
    expect(dry.lists.map((l) => [l.state, l.source])).toEqual([['restored', 'shared/national.yaml']]);
    expect(updateExitCode(dry)).toBe(1);
    const before = await readFile(join(dir, 'allowlists/national.yaml'), 'utf8');
    await run(dir, { write: true });
    expect(await copies(dir)).toEqual([`${sha256(NATIONAL)}.yaml`]);
    expect(await readFile(join(dir, 'allowlists/national.yaml'), 'utf8')).toBe(before);
    expect((await run(dir)).lists[0]?.state).toBe('unchanged');
  });

  it('is exit 3 when the path holds no file', async () => {
    const dir = await folder({ 'allowlists/national.yaml': includeOf('../shared/none.yaml', NATIONAL) });
    const result = await run(dir);
    expect(result.lists[0]?.error).toBe(
      "shared/none.yaml not found: check out the shared list's repository there, or correct include:",
    );
    expect(updateExitCode(result)).toBe(3);
  });
});

describe('update refuses, as configuration errors, and writes nothing', () => {
  async function problems(files: Record<string, string>): Promise<string[]> {
    const dir = await folder(files);
    const error = await run(dir, { write: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(await copies(dir)).toEqual([]);
    return (error as ConfigError).problems.map(formatProblem);
  }

  it('a fetched list with errors, at its own line, naming the including file', async () => {
    server.routes['/broken.yaml'] = { body: NATIONAL.replace('expires: 2028-11-07', 'expires: soon') };
    expect(await problems({ 'allowlists/national.yaml': `include: ${server.url}/broken.yaml\n` })).toEqual([
      `${server.url}/broken.yaml:20:16 entries.endorsement.expires: "soon" is not a date (YYYY-MM-DD) (in the shared list that allowlists/national.yaml includes: its keepers must fix it, or pin another version)`,
    ]);
  });

  it('a fetched list that includes another', async () => {
    server.routes['/nested.yaml'] = { body: 'include: https://lists.example.org/other.yaml\n' };
    const [problem] = await problems({ 'allowlists/national.yaml': `include: ${server.url}/nested.yaml\n` });
    expect(problem).toBe(
      `${server.url}/nested.yaml:1:1 include: a shared list cannot include another list: its keepers must write the entries into it (in the shared list that allowlists/national.yaml includes: its keepers must fix it, or pin another version)`,
    );
  });

  it('an include that is not https', async () => {
    const [problem] = await problems({
      'allowlists/national.yaml': 'include: http://lists.example.org/e.yaml\n',
    });
    expect(problem).toMatch(
      /^allowlists\/national\.yaml:1:10 include: http:\/\/lists\.example\.org\/e\.yaml is not an https URL/,
    );
    expect(server.requests).not.toContain('/e.yaml');
  });

  it('a fetched file that is not text', async () => {
    server.routes['/binary.yaml'] = { body: Buffer.from([0xff, 0xfe, 0x00, 0x41]) };
    const [problem] = await problems({ 'allowlists/national.yaml': `include: ${server.url}/binary.yaml\n` });
    expect(problem).toContain('is not UTF-8 text');
  });
});

describe('update with nothing to do', () => {
  it('says that no allowlist includes a shared list, exit 0', async () => {
    const dir = await folder({ 'allowlists/dsa.yaml': 'category: dsa\n' });
    const result = await run(dir);
    expect(result).toEqual({ lists: [], written: [] });
    expect(updateExitCode(result)).toBe(0);
    expect(updateTable(result, false, false, 80)).toBe(
      'No allowlist file includes a shared list (include: with an https URL or a path).\n',
    );
  });

  it('an including file keeps a comment on its sha256 line', async () => {
    server.routes['/e.yaml'] = { body: LATER };
    const including = `include: ${server.url}/e.yaml\nsha256: ${sha256(NATIONAL)} # pinned after the October vote\n`;
    const dir = await folder({ 'allowlists/national.yaml': including, ...pinnedCopy(NATIONAL) });
    await writeFile(join(dir, 'allowlists/other.yaml'), 'category: dsa\n');
    await run(dir, { write: true });
    expect(await readFile(join(dir, 'allowlists/national.yaml'), 'utf8')).toBe(
      `include: ${server.url}/e.yaml\nsha256: ${sha256(LATER)} # pinned after the October vote\nupdated: 2026-11-21\n`,
    );
  });
});
