// Every format names an entry of a shared list by its source and line, and says which shared list
// (the including file) it came from; the reports list every shared list with its pin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { check } from '../../src/commands/check.js';
import { checklist } from '../../src/commands/checklist.js';
import type { Report } from '../../src/core/report.js';
import { checksMarkdown } from '../../src/report/check.js';
import { reporters } from '../../src/report/registry.js';
import { obtainOptions } from '../../src/sources/obtain-all.js';
import { chapterFolders, includeOf, NATIONAL, pinnedCopy, sha256 } from '../helpers/shared.js';

const SOURCE = 'https://lists.example.org/national/endorsed.yaml';
const AT = `${SOURCE}:4`;
const FROM = 'from the shared list in allowlists/national.yaml';
const folders = chapterFolders(['SamSampleForSenate', 'MariaFictional']);
let dir: string;
let report: Report;
beforeAll(async () => {
  dir = await folders.make({
    'allowlists/national.yaml': includeOf(SOURCE, NATIONAL, 'updated: 2026-11-01\n'),
    ...pinnedCopy(NATIONAL),
  });
  report = await audit({ config: dir, asOf: '2026-11-21', offline: true, save: false });
});
afterAll(() => folders.removeAll());

const render = (format: keyof typeof reporters) => reporters[format](report, { color: false, width: 200 });
const pin = `allowlists/national.yaml: ${SOURCE} (endorsed), pinned ${sha256(NATIONAL).slice(0, 12)} on 2026-11-01, 2 entries`;

describe('an entry of a shared list', () => {
  it('is named by its source and line, from which shared list, in the table', () => {
    const table = render('table');
    expect(table.replace(/\n +/g, ' ')).toContain(`(${AT}, ${FROM})`);
    // Wrapped at the table's width: compared with the line breaks taken out.
    expect(table.replace(/\n +/g, ' ')).toContain(`Shared lists (audited from their pinned copies) ✓ ${pin}`);
  });

  it('in the Markdown report, escaped', () => {
    const markdown = render('markdown');
    expect(markdown).toContain(
      'https&#58;//lists.example.org/national/endorsed.yaml line 4, from the shared list in allowlists/national.yaml)',
    );
    expect(markdown).toContain('**Shared lists** (audited from their pinned copies):');
    expect(markdown).toContain(
      `- allowlists/national.yaml: https&#58;//lists.example.org/national/endorsed.yaml (endorsed), pinned ${sha256(NATIONAL).slice(0, 12)} on 2026-11-01, 2 entries`,
    );
  });

  it('in junit, and github annotates the include, the line a chapter can change', () => {
    expect(render('junit')).toContain(`(${AT}, ${FROM})`);
    const annotation = render('github')
      .split('\n')
      .find((l) => l.includes('Endorsement retracted'));
    expect(annotation).toMatch(/^::error file=allowlists\/national\.yaml,line=2,title=/);
    expect(annotation).toContain(`(${AT}, ${FROM})`);
  });

  it('in the JSON report, with the shared list and its pin', () => {
    const json = JSON.parse(render('json'));
    expect(json.findings[0].entry).toEqual({
      name: 'Sam Sample',
      category: 'endorsed',
      file: SOURCE,
      line: 4,
      sharedList: 'allowlists/national.yaml',
    });
    expect(json.sharedLists).toEqual([
      {
        file: 'allowlists/national.yaml',
        line: 2,
        source: SOURCE,
        sha256: sha256(NATIONAL),
        updated: '2026-11-01',
        category: 'endorsed',
        entries: 2,
        excluded: [],
        changed: null,
      },
    ]);
  });

  it('in check, as data and in the checklist a member sends', async () => {
    const results = await check(dir, 'x:SamSampleForSenate', '2026-11-21', obtainOptions({}));
    expect(results[0]?.matches).toMatchObject([
      { name: 'Sam Sample', file: SOURCE, line: 4, sharedList: 'allowlists/national.yaml' },
    ]);
    expect(checksMarkdown(results)).toContain(
      '**Sam Sample** (https&#58;//lists.example.org/national/endorsed.yaml line 4, from the shared list in allowlists/national.yaml)',
    );
  });

  it("on the members' page, which carries the source", async () => {
    const page = await checklist(
      dir,
      { asOf: '2026-11-21', format: 'html', includeAudit: false },
      obtainOptions({}),
    );
    expect(page).toContain(`"file":"${SOURCE}","line":4`);
    expect(page).toContain('"sharedList":"allowlists/national.yaml"');
  });
});
