import { describe, expect, it } from 'vitest';
import { github } from '../../src/report/github.js';
import { json } from '../../src/report/json.js';
import { junit } from '../../src/report/junit.js';
import { markdown } from '../../src/report/markdown.js';
import { table } from '../../src/report/table.js';
import { hostileReport } from '../helpers/hostile-report.js';
import { junitProblems, testcases } from '../helpers/junit-schema.js';

const report = hostileReport();
const options = { color: false, width: 80 };
// Controls (but newline), DEL, C1, bidi overrides and isolates: nothing that steers a terminal.
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('reporters on hostile remote text', () => {
  it('table: no control sequence survives, every line fits 80 columns, verdict last', () => {
    const text = table(report, options);
    expect(text).not.toMatch(CONTROL);
    for (const line of text.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(text.trimEnd().split('\n').at(-1)).toMatch(
      /^INCOMPLETE: 1 account not audited; 2 follows to end, 5 decisions pending$/,
    );
    for (const section of [
      'Accounts',
      'Act now: unfollow (2)',
      'Decisions needed (5)',
      'Changes since the audit as of 2026-10-21',
    ])
      expect(text).toContain(section);
  });

  it('table: colour codes only when asked', () => {
    expect(table(report, { color: true, width: 80 })).toContain('\u001b[');
  });

  it('markdown: no markup, HTML or link survives but our own autolinks', () => {
    const text = markdown(report, options);
    expect(text).not.toMatch(CONTROL);
    expect(text).not.toContain('javascript');
    expect(text).not.toMatch(/<(?!https?:\/\/)/);
    for (const link of text.matchAll(/<[^>]*>/g)) expect(link[0]).toMatch(/^<https?:\/\/[^\s<>]+>$/);
    expect(text).not.toMatch(/(?<!\\)\]\(/); // no inline link
    expect(text).not.toMatch(/(?<!\\)\$/); // no math
    expect(text).not.toMatch(/(?<![\\\n] *)- \[ \]|(?<!\\)\*\*bold/);
    // Every table row keeps its five cells, whatever the names hold.
    for (const row of text.split('\n').filter((l) => l.startsWith('| chapter')))
      expect(row.split(/(?<!\\)\|/).length).toBe(7);
    expect(text).toContain('https://x.com/%3Cscript%3E');
  });

  it('markdown: the sections in order, with checkboxes', () => {
    const text = markdown(report, options);
    const at = (s: string) => text.indexOf(s);
    expect(at('## Action checklist (2)')).toBeGreaterThan(0);
    expect(at('## Decisions needed (5)')).toBeGreaterThan(at('## Action checklist'));
    expect(at('## Changes since the last audit')).toBeGreaterThan(at('## Decisions needed'));
    expect(text.match(/^- \[ \] Unfollow /gm)).toHaveLength(2);
    expect(text).toContain('### Exceptions no longer used: remove them');
  });

  it('junit: valid against the JUnit schema, one case per follow, the incomplete account an error', async () => {
    const xml = junit(report, options);
    expect(await junitProblems(xml)).toEqual([]);
    const cases = testcases(xml);
    expect(cases.filter((c) => c.suite === 'chapter-x')).toHaveLength(7);
    expect(cases.find((c) => c.suite === 'chapter-bluesky')?.children).toEqual(['error']);
    expect(cases.filter((c) => c.children.includes('failure'))).toHaveLength(2);
    expect(cases.filter((c) => c.children.includes('skipped'))).toHaveLength(1);
    expect(cases.filter((c) => c.children.includes('system-out'))).toHaveLength(4);
  });

  it('junit: the validator catches what it must', async () => {
    const xml = junit(report, options);
    expect(await junitProblems(xml.replace('<failure', '<failure bad="1"'))).not.toEqual([]);
    expect(await junitProblems(xml.replace('&lt;', '& '))).not.toEqual([]);
    expect(await junitProblems(xml.replace('</testsuite>', ''))).not.toEqual([]);
    expect(await junitProblems(xml.replace('tests="7"', 'tests="6"'))).not.toEqual([]);
    expect(await junitProblems(xml.replace('click', '\u0001'))).not.toEqual([]);
    // Only the real schema knows this one: a suite's time is a Surefire number.
    expect(await junitProblems(xml.replace('<testsuite name=', '<testsuite time="1.5 s" name='))).toEqual([
      expect.stringMatching(/attribute 'time'.*not accepted by the pattern/),
    ]);
  });

  it('github: one workflow command per line, data and properties escaped', () => {
    const lines = github(report, options).trimEnd().split('\n');
    expect(lines).toHaveLength(1 + report.findings.length + 1);
    for (const line of lines) {
      expect(line).not.toMatch(CONTROL);
      const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
      expect(m, line).not.toBeNull();
      for (const prop of m![2]!.split(',')) expect(prop).toMatch(/^(file|line|title)=[^,:]*$/);
      expect(m![3]).not.toMatch(/%(?!25|0D|0A)/);
    }
    expect(lines[0]).toMatch(/^::error file=policy\/policy.yaml,line=20,/);
    expect(lines.at(-1)).toMatch(/^::notice title=follow-audit::INCOMPLETE/);
  });

  it('json: docs/json-report.md plus changes, without the kept follow lists, and round-trips', () => {
    const parsed = JSON.parse(json(report, options));
    expect(parsed.follows).toBeUndefined();
    const { follows: _, ...printed } = report;
    expect(parsed).toEqual(JSON.parse(JSON.stringify(printed)));
  });
});
