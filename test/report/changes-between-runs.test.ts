import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { copySample, run } from '../helpers/cli.js';

let dir: string;

/** A copy of the shipped sample to change between runs. */
beforeEach(() => {
  dir = copySample();
});

const audited = (...args: string[]) => run(['audit', '-C', dir, ...args]);
const asOf = (day: string) => ['--as-of', day];

/** Adds a follow to chapter-x and retracts Maria Fictional's endorsement. */
async function change(): Promise<void> {
  await appendFile(
    join(dir, 'examples/chapter-x/following.csv'),
    '1000000077,ExampleNewFollow,New Follow Sample\n',
  );
  const file = join(dir, 'allowlists/endorsed.yaml');
  const yaml = await readFile(file, 'utf8');
  const changed = yaml.replace(
    '      expires: 2028-11-07\n',
    '      expires: 2028-11-07\n      retracted: { date: 2026-11-20, reason: Left the coalition slate }\n',
  );
  expect(changed).not.toBe(yaml);
  await writeFile(file, changed);
}

function section(markdown: string): string {
  return markdown.slice(markdown.indexOf('## Changes since the last audit'));
}

describe('changes since the last audit', () => {
  it('the second report lists exactly what changed in between', async () => {
    const first = audited(...asOf('2026-11-20'), '--format', 'markdown');
    expect(first.code).toBe(1);
    expect(section(first.stdout)).toContain('No earlier audit is kept');
    const saved = await readdir(join(dir, '.follow-audit/reports'));
    expect(saved).toHaveLength(1);

    await change();
    const second = audited(...asOf('2026-11-21'), '--format', 'markdown');
    expect(second.code).toBe(1);
    const retracted = "Maria Fictional's endorsement was retracted on 2026-11-20";
    expect(section(second.stdout)).toBe(
      [
        '## Changes since the last audit',
        '',
        `Compared with the audit as of 2026-11-20 (.follow-audit/reports/${saved[0]}).`,
        '',
        '- **chapter-x**',
        '  - New follows (1): @ExampleNewFollow <https://x.com/ExampleNewFollow> (On no allowlist)',
        `  - Newly lapsed (1): @MariaFictional: ${retracted}`,
        '- **labor-circle-x**',
        `  - Newly lapsed (1): @MariaFictional: ${retracted}`,
        '- **chapter-bluesky**',
        `  - Newly lapsed (1): @mariafictional.example.org: ${retracted}`,
        '- **chapter-instagram**',
        `  - Newly lapsed (1): @mariafictional: ${retracted}`,
        '- No changes: chapter-facebook, chapter-tiktok',
        '',
      ].join('\n'),
    );
    expect(await readdir(join(dir, '.follow-audit/reports'))).toHaveLength(2);
  });

  it('an unfollow resolves its finding; --since picks the report; --no-save keeps nothing', async () => {
    audited(...asOf('2026-11-21'), '--format', 'json');
    const csv = join(dir, 'examples/chapter-x/following.csv');
    await writeFile(csv, (await readFile(csv, 'utf8')).replace(/^.*PunditExample.*\n/m, ''));
    const r = audited(...asOf('2026-11-21'), '--format', 'json', '--since', '2026-11-21', '--no-save');
    const changes = JSON.parse(r.stdout).changes;
    const x = changes.accounts.find((a: { account: string }) => a.account === 'chapter-x');
    expect(x.unfollowed.map((f: { handle: string }) => f.handle)).toEqual(['PunditExample']);
    expect(x.resolved.map((f: { kind: string }) => f.kind)).toEqual(['not-allowed']);
    expect(x.followed).toEqual([]);
    expect(await readdir(join(dir, '.follow-audit/reports'))).toHaveLength(1);

    const early = audited(...asOf('2026-11-21'), '--since', '2026-01-01', '--no-save');
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/--since 2026-01-01: no report in .* is as of that day or earlier/);
    const missing = audited(...asOf('2026-11-21'), '--since', join(dir, 'nothing.json'), '--no-save');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nothing.json');
  });

  it('audit({ save: false }) writes nothing; a damaged saved report is passed over', async () => {
    const report = await audit({ config: dir, asOf: '2026-11-21', save: false });
    expect(report.changes).toBeNull();
    await expect(readdir(join(dir, '.follow-audit/reports'))).rejects.toThrow();
    await audit({ config: dir, asOf: '2026-11-21' });
    const [name] = await readdir(join(dir, '.follow-audit/reports'));
    await writeFile(join(dir, '.follow-audit/reports/9999-damaged.json'), '{ not json');
    const sameDay = await audit({ config: dir, asOf: '2026-11-21', save: false });
    expect(sameDay.changes).toBeNull();
    const next = await audit({ config: dir, asOf: '2026-11-22', save: false });
    expect(next.changes?.since.file).toBe(`.follow-audit/reports/${name}`);
    expect(next.changes?.accounts.every((a) => a.followed.length + a.unfollowed.length === 0)).toBe(true);
  });
});
