import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { validation } from '../../src/commands/validate.js';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError, formatProblem } from '../../src/errors.js';
import { reportSchema } from '../../src/report/report-schema.js';
import { validationText } from '../../src/report/validation.js';
import { chapterFolders, includeOf, NATIONAL, pinnedCopy, sha256 } from '../helpers/shared.js';

const URL_SOURCE = 'https://lists.example.org/national/endorsed.yaml';
const folders = chapterFolders(['SamSampleForSenate', 'MariaFictional']);
const folder = folders.make;
afterEach(async () => {
  await folders.removeAll();
});

/** The configuration problems of a folder, as the CLI prints them. */
async function problemsOf(dir: string): Promise<string[]> {
  const error = await loadConfig(dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems.map(formatProblem);
}

describe('an allowlist file that includes a shared list', () => {
  it('takes the entries of the pinned copy of a path, named by the source and its line', async () => {
    const dir = await folder({
      'shared/national.yaml': NATIONAL,
      'allowlists/national.yaml': includeOf('../shared/national.yaml', NATIONAL, 'updated: 2026-11-01\n'),
      ...pinnedCopy(NATIONAL),
    });
    const config = await loadConfig(dir);
    expect(config.entries.map((e) => [e.name, e.category, e.file, e.line, e.sharedList])).toEqual([
      ['Sam Sample', 'endorsed', 'shared/national.yaml', 4, 'allowlists/national.yaml'],
      ['Maria Fictional', 'endorsed', 'shared/national.yaml', 13, 'allowlists/national.yaml'],
    ]);
    expect(config.sharedLists).toEqual([
      {
        file: 'allowlists/national.yaml',
        line: 2,
        source: 'shared/national.yaml',
        sha256: sha256(NATIONAL),
        updated: '2026-11-01',
        category: 'endorsed',
        entries: 2,
        excluded: [],
        changed: false,
      },
    ]);
    expect(config.categories.get('endorsed')?.files).toEqual(['allowlists/national.yaml']);
  });

  it('audits a URL offline from its pinned copy, and findings say which shared list an entry came from', async () => {
    const dir = await folder({
      'allowlists/national.yaml': includeOf(URL_SOURCE, NATIONAL),
      ...pinnedCopy(NATIONAL),
    });
    // The tests' fetch refuses every host but this machine: an audit that fetched would fail here.
    const report = await audit({ config: dir, asOf: '2026-11-21', offline: true, save: false });
    expect(report.findings.map((f) => [f.kind, f.target.handle, f.entry])).toEqual([
      [
        'endorsement-retracted',
        'SamSampleForSenate',
        {
          name: 'Sam Sample',
          category: 'endorsed',
          file: URL_SOURCE,
          line: 4,
          sharedList: 'allowlists/national.yaml',
        },
      ],
    ]);
    expect(report.summary.allowed).toBe(1);
  });

  it('uses the pin, not a path source changed since, and says it changed', async () => {
    const dir = await folder({
      'shared/national.yaml': NATIONAL,
      'allowlists/national.yaml': includeOf('../shared/national.yaml', NATIONAL),
      ...pinnedCopy(NATIONAL),
    });
    await writeFile(join(dir, 'shared/national.yaml'), NATIONAL.replace('Maria Fictional', 'Maria Changed'));
    const config = await loadConfig(dir);
    expect(config.entries.map((e) => e.name)).toEqual(['Sam Sample', 'Maria Fictional']);
    expect(config.sharedLists[0]?.changed).toBe(true);
    expect(
      validationText(await validation(dir))
        .split('\n')
        .slice(2, -1),
    ).toEqual([
      `shared list allowlists/national.yaml: shared/national.yaml (endorsed), pinned ${sha256(NATIONAL).slice(0, 12)}, 2 entries`,
      '  shared/national.yaml has changed since its pin, and audits still use the pinned copy: run "follow-audit update" to see what changed',
      'No problems found.',
    ]);
    const report = await audit({ config: dir, asOf: '2026-11-21', offline: true, save: false });
    expect(report.sharedLists).toEqual(config.sharedLists);
    expect(reportSchema.parse(report).sharedLists).toEqual(config.sharedLists);
  });

  it('is a configuration error where the pinned copy does not match the pin', async () => {
    const edited = NATIONAL.replace('2028-11-07', '2030-11-05');
    const dir = await folder({
      'allowlists/national.yaml': includeOf(URL_SOURCE, NATIONAL),
      [`.follow-audit/shared/${sha256(NATIONAL)}.yaml`]: edited,
    });
    expect(await problemsOf(dir)).toEqual([
      `allowlists/national.yaml:3:9 sha256: the pinned copy .follow-audit/shared/${sha256(NATIONAL)}.yaml does not match this sha256 (its content hashes to ${sha256(edited)}): it was changed after it was pinned; restore it from git, or run "follow-audit update --write" to fetch ${URL_SOURCE} again and pin what it holds now`,
    ]);
  });

  it('is a configuration error where the pinned copy is missing, telling to run update --write', async () => {
    const dir = await folder({ 'allowlists/national.yaml': includeOf(URL_SOURCE, NATIONAL) });
    const [problem] = await problemsOf(dir);
    expect(problem).toContain(`allowlists/national.yaml:3:9 sha256: the pinned copy .follow-audit/shared/`);
    expect(problem).toContain('is missing');
    expect(problem).toContain('run "follow-audit update --write"');
  });

  it('is a configuration error where the include is not pinned yet', async () => {
    const dir = await folder({ 'allowlists/national.yaml': `include: ${URL_SOURCE}\n` });
    expect(await problemsOf(dir)).toEqual([
      `allowlists/national.yaml:1:10 include: ${URL_SOURCE} is not pinned yet: run "follow-audit update --write" to fetch it and write its sha256`,
    ]);
  });

  it.each([
    ['http://lists.example.org/endorsed.yaml', 'is not an https URL'],
    ['ftp://lists.example.org/endorsed.yaml', 'is not an https URL'],
    ['https://user:secret@lists.example.org/endorsed.yaml', 'carries a user name or password'],
    ['dsa.yaml', 'is itself in allowlists/'],
  ])('is a configuration error where the include is %s', async (source, message) => {
    const dir = await folder({
      'allowlists/national.yaml': includeOf(source, NATIONAL),
      'allowlists/dsa.yaml': 'category: dsa\n',
      ...pinnedCopy(NATIONAL),
    });
    const problems = await problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^allowlists\/national\.yaml:2:10 include: /);
    expect(problems[0]).toContain(message);
  });

  it('is a configuration error where the shared list includes another', async () => {
    const nested = `# a list of lists\ninclude: https://lists.example.org/other.yaml\nsha256: ${sha256('x')}\n`;
    const dir = await folder({
      'allowlists/national.yaml': includeOf(URL_SOURCE, nested),
      ...pinnedCopy(nested),
    });
    expect(await problemsOf(dir)).toEqual([
      `${URL_SOURCE}:2:1 include: a shared list cannot include another list: its keepers must write the entries into it (in the shared list that allowlists/national.yaml includes: its keepers must fix it, or pin another version)`,
    ]);
  });

  it('is a configuration error where the shared list has errors, at its own lines', async () => {
    const broken = NATIONAL.replace('expires: 2028-11-07', 'expires: 2028-13-45').replace(
      'x: MariaFictional',
      'x: https://example.org/not-x',
    );
    const dir = await folder({
      'allowlists/national.yaml': includeOf(URL_SOURCE, broken),
      ...pinnedCopy(broken),
    });
    const problems = await problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      new RegExp(
        `^${URL_SOURCE.replace(/[./]/g, '\\$&')}:20:16 entries\\.endorsement\\.expires: "2028-13-45" is not a date`,
      ),
    );
    expect(problems[0]).toContain('(in the shared list that allowlists/national.yaml includes');
    const badRef = NATIONAL.replace('x: MariaFictional', 'x: https://example.org/not-x');
    await writeFile(join(dir, 'allowlists/national.yaml'), includeOf(URL_SOURCE, badRef));
    await writeFile(join(dir, `.follow-audit/shared/${sha256(badRef)}.yaml`), badRef);
    const [refProblem] = await problemsOf(dir);
    expect(refProblem).toMatch(
      /^https:\/\/lists\.example\.org\/national\/endorsed\.yaml:15:10 entries\.accounts\.x: /,
    );
    expect(refProblem).toContain('(in the shared list that allowlists/national.yaml includes');
  });

  it('checks duplicates within the shared list, but not between it and our own files', async () => {
    const local =
      'category: endorsed\nentries:\n  - name: Maria Fictional\n    accounts:\n      x: MariaFictional\n';
    const dir = await folder({
      'allowlists/endorsed.yaml': local,
      'allowlists/national.yaml': includeOf(URL_SOURCE, NATIONAL),
      ...pinnedCopy(NATIONAL),
    });
    expect((await loadConfig(dir)).entries.filter((e) => e.name === 'Maria Fictional')).toHaveLength(2);
    const twice = `${NATIONAL}  - name: Maria Again\n    accounts:\n      x: mariafictional\n`;
    await writeFile(join(dir, 'allowlists/national.yaml'), includeOf(URL_SOURCE, twice));
    await writeFile(join(dir, `.follow-audit/shared/${sha256(twice)}.yaml`), twice);
    const [problem] = await problemsOf(dir);
    expect(problem).toContain(
      `${URL_SOURCE}:25:10 entries.accounts.x: x:mariafictional is already in entry "Maria Fictional" (${URL_SOURCE}:13)`,
    );
  });
});

describe('exclude:', () => {
  const exclude = `exclude:
  - name: sam sample
    decided: 2026-09-03
    decision: General meeting vote, minutes at https://example.org/minutes/2026-09
`;

  it('leaves out the entries this organization does not accept, keeping its decision', async () => {
    const dir = await folder({
      'allowlists/national.yaml': includeOf(URL_SOURCE, NATIONAL, exclude),
      ...pinnedCopy(NATIONAL),
    });
    const config = await loadConfig(dir);
    expect(config.entries.map((e) => e.name)).toEqual(['Maria Fictional']);
    expect(config.sharedLists[0]).toMatchObject({
      entries: 1,
      excluded: [
        {
          name: 'sam sample',
          decided: '2026-09-03',
          decision: 'General meeting vote, minutes at https://example.org/minutes/2026-09',
          line: 5,
        },
      ],
    });
    const report = await audit({ config: dir, asOf: '2026-11-21', offline: true, save: false });
    expect(report.findings.map((f) => [f.kind, f.target.handle])).toEqual([
      ['not-allowed', 'SamSampleForSenate'],
    ]);
  });

  it('is a configuration error where it names no entry of the shared list', async () => {
    const dir = await folder({
      'allowlists/national.yaml': includeOf(
        URL_SOURCE,
        NATIONAL,
        exclude.replace('sam sample', 'Sam Sampel'),
      ),
      ...pinnedCopy(NATIONAL),
    });
    expect(await problemsOf(dir)).toEqual([
      `allowlists/national.yaml:5:11 exclude.name: no entry of ${URL_SOURCE} is named "Sam Sampel": write the name as the shared list does (an entry it no longer has needs no exclusion: remove this one)`,
    ]);
  });

  it('takes decided and decision like any entry, and nothing else', async () => {
    const dir = await folder({
      'allowlists/national.yaml': includeOf(URL_SOURCE, NATIONAL, `${exclude}    reason: typo\n`),
      ...pinnedCopy(NATIONAL),
    });
    const [problem] = await problemsOf(dir);
    expect(problem).toMatch(/^allowlists\/national\.yaml:8:5 exclude: unknown key "reason"/);
  });
});
