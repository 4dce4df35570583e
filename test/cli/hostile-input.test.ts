import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAsync } from '../helpers/cli.js';
import { junitProblems } from '../helpers/junit-schema.js';
import { writeTree } from '../helpers/tree.js';

// Display names and handles as a hostile account could set them, through every format of one
// audit run, plus a 50 MB line: nothing reaches a terminal raw, nothing renders as a live link
// or markup, and every output stays valid for its format.
const NAMES = [
  '\u001b[31mRed\u001b[0m \u001b[2J\u001b[H cleared',
  '\u001b]8;;https://evil.example.org\u0007click me\u001b]8;;\u0007',
  'bell\u0007\u0007 and backspace\u0008',
  '[a link](https://evil.example.org) **bold** <img src=x onerror=alert(1)>',
  '<script>alert(1)</script> & </testcase> ]]>',
  'xml\u0000invalid\u0001\uFFFE chars',
  'right\u202Eto\u202Dleft \u2066isolate\u2069',
  'percent %0A and\r\nnew::lines,commas',
];

async function folder(): Promise<string> {
  const rows = NAMES.map((name, i) => `${1000 + i},sample${i},"${name.replace(/"/g, '""')}"`);
  const dir = await writeTree({
    'policy/policy.yaml':
      'organization: "Hostile \u001b[5m Org"\naccounts:\n  - { name: x, platform: x, handle: h, source: x.csv }\n',
    'allowlists/a.yaml': 'category: dsa\nentries: []\n',
    'x.csv': `id,handle,name\n${rows.join('\n')}\n`,
  });
  // A 50 MB line: one display name of that length.
  const huge = `9999,hugeline,"${'\u001b[31m<b>x</b>'.repeat((50 * 1024 * 1024) / 16)}"\n`;
  await writeFile(join(dir, 'x.csv'), (await readFile(join(dir, 'x.csv'), 'utf8')) + huge);
  return dir;
}

describe('hostile input through every format', () => {
  it('stays inert and valid', { timeout: 120_000 }, async () => {
    const dir = await folder();
    const out = (f: string) => join(dir, `out.${f}`);
    const r = await runAsync([
      'audit',
      '-C',
      dir,
      '--as-of',
      '2026-11-21',
      '--no-save',
      '--format',
      'table',
      '--format',
      `json:${out('json')}`,
      '--format',
      `markdown:${out('md')}`,
      '--format',
      `junit:${out('xml')}`,
      '--format',
      `github:${out('github')}`,
    ]);
    expect(r.code).toBe(1);
    const [json, md, xml, gh] = (await Promise.all(
      ['json', 'md', 'xml', 'github'].map((f) => readFile(out(f), 'utf8')),
    )) as [string, string, string, string];

    // Terminal text: no escape, control or bidi character survives.
    const unsafe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
    for (const text of [r.stdout, r.stderr, md, gh]) expect(text).not.toMatch(unsafe);
    // Each output stays small: a 50 MB name is cut, not copied into every report.
    for (const text of [r.stdout, json, md, xml, gh]) expect(text.length).toBeLessThan(50_000);

    // JSON: parses, and keeps the (cut) names as data.
    const report = JSON.parse(json);
    expect(report.findings).toHaveLength(NAMES.length + 1);
    expect(report.accounts[0].notes.join(' ')).toMatch(/overlong field/);

    // Markdown: no live link, image or HTML from a name.
    expect(md).not.toMatch(/\]\(https:\/\/evil/);
    expect(md).not.toMatch(/<img|<script|<b>/);

    // JUnit: valid XML of the expected shape.
    expect(await junitProblems(xml)).toEqual([]);

    // GitHub: one workflow command per line; data never starts a new command.
    for (const line of gh.trim().split('\n')) expect(line).toMatch(/^::(error|warning|notice)( [^:]*)?::/);
    expect(gh).not.toMatch(/\r/);
  });
});
