import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { DSA, POLICY, problems } from '../helpers/config-problems.js';
import { writeTree } from '../helpers/tree.js';

describe('validation: every problem with file:line:col', () => {
  it('accepts a valid folder', async () => {
    expect(await problems({})).toEqual([]);
  });

  const cases: [string, Record<string, string>, RegExp[]][] = [
    [
      'YAML syntax',
      { 'allowlists/dsa.yaml': 'category: dsa\nentries:\n  - name: [unclosed\n' },
      [/^allowlists\/dsa\.yaml:3:11 the \[ here is not closed as expected: close it with \]/],
    ],
    [
      'plc_url on an account that is not on Bluesky',
      { 'policy/policy.yaml': `${POLICY}    plc_url: https://plc.example.org\n` },
      [/^policy\/policy\.yaml:8:14 accounts\.plc_url: only Bluesky accounts have a DID directory/],
    ],
    [
      'misspelled key, with a suggestion',
      { 'allowlists/dsa.yaml': `${DSA}    decison: vote\n` },
      [/^allowlists\/dsa\.yaml:6:5 entries: unknown key "decison" \(did you mean "decision"\?\)/],
    ],
    [
      'a date that is not a day',
      {
        'allowlists/e.yaml':
          'category: endorsed\nentries:\n  - name: J\n    accounts: { x: j }\n    endorsement:\n      expires: 2026-13-45\n',
      },
      [/^allowlists\/e\.yaml:6:16 entries\.endorsement\.expires: "2026-13-45" is not a date \(YYYY-MM-DD\)/],
    ],
    [
      'February 30th',
      {
        'allowlists/e.yaml':
          'category: endorsed\nentries:\n  - name: J\n    accounts: { x: j }\n    decided: 2026-02-30\n',
      },
      [/^allowlists\/e\.yaml:5:14 .*"2026-02-30" is not a date/],
    ],
    [
      'endorsement without expires',
      {
        'allowlists/e.yaml':
          'category: endorsed\nentries:\n  - name: J\n    accounts: { x: j }\n    endorsement:\n      level: local\n',
      },
      [/^allowlists\/e\.yaml:6:7 entries\.endorsement: "expires" is required here/],
    ],
    [
      'unknown platform in an entry',
      { 'allowlists/dsa.yaml': `${DSA}      myspace: someone\n` },
      [/^allowlists\/dsa\.yaml:6:7 entries\.accounts: unknown platform "myspace": use one of x, bluesky/],
    ],
    [
      'unknown platform of an account',
      { 'policy/policy.yaml': POLICY.replace('platform: x', 'platform: myspace') },
      [/^policy\/policy\.yaml:5:15 accounts\.platform: unknown platform "myspace": use one of x, bluesky/],
    ],
    [
      'duplicate account names',
      {
        'policy/policy.yaml': `${POLICY}  - name: chapter-x\n    platform: x\n    handle: Other\n    source: lists/y.csv\n`,
      },
      [
        /^policy\/policy\.yaml:8:11 accounts\.name: "chapter-x" is already the name of the X account ExampleChapter \(line 4\)/,
      ],
    ],
    [
      'allow names an unknown category',
      { 'policy/policy.yaml': POLICY.replace('allow: [dsa]', 'allow: [dsa, coalitoin]') },
      [
        /^policy\/policy\.yaml:2:14 allow: unknown category "coalitoin": no allowlist defines it \(known: dsa\)/,
      ],
    ],
    [
      'exception for an unknown account',
      {
        'policy/policy.yaml': `${POLICY}exceptions:\n  - account: chapter-y\n    follows: x:someone\n    reason: DMs\n    approved_by: Comms\n    expires: 2026-12-01\n`,
      },
      [/^policy\/policy\.yaml:9:14 exceptions\.account: no account is named "chapter-y"/],
    ],
    [
      'exception naming another platform',
      {
        'policy/policy.yaml': `${POLICY}exceptions:\n  - account: chapter-x\n    follows: bluesky:someone.example.org\n    reason: DMs\n    approved_by: Comms\n    expires: 2026-12-01\n`,
      },
      [
        /^policy\/policy\.yaml:10:14 exceptions\.follows: "chapter-x" is on X, but this names a Bluesky account/,
      ],
    ],
    [
      'two entries claim one account (any written form)',
      {
        'allowlists/dsa.yaml': `${DSA}  - name: Lakeside again\n    accounts:\n      x: https://twitter.com/examplelakeside\n`,
      },
      [
        /^allowlists\/dsa\.yaml:8:10 entries\.accounts\.x: x:examplelakeside is already in entry "Lakeside" \(allowlists\/dsa\.yaml:3\)/,
      ],
    ],
    [
      'an account reference that cannot be read',
      { 'allowlists/dsa.yaml': DSA.replace('x: ExampleLakeside', 'x: https://bsky.app/profile/someone') },
      [
        /^allowlists\/dsa\.yaml:5:10 entries\.accounts\.x: "https:\/\/bsky\.app\/profile\/someone" is not an X profile link/,
      ],
    ],
    [
      'an empty policy file',
      { 'policy/policy.yaml': '' },
      [/^policy\/policy\.yaml:1:1 this file is empty: write "organization:" and "accounts:"/],
    ],
    [
      'an unknown timezone',
      { 'policy/policy.yaml': `timezone: Mars/Olympus\n${POLICY}` },
      [/^policy\/policy\.yaml:1:11 timezone: "Mars\/Olympus" is not a timezone/],
    ],
    [
      'a platform without an API needs a file',
      {
        'policy/policy.yaml': POLICY.replace(
          /platform: x\n(.*\n) {4}source: .*\n/,
          'platform: instagram\n$1',
        ),
      },
      [
        /^policy\/policy\.yaml:4:5 accounts: Instagram has no API for the following list: set source: import \(and run "follow-audit import" on each download\), or source: to the export file/,
      ],
    ],
  ];

  for (const [title, files, expected] of cases) {
    it(title, async () => {
      const found = await problems(files);
      expect(found).toHaveLength(expected.length);
      expected.forEach((pattern, i) => {
        expect(found[i]).toMatch(pattern);
      });
    });
  }

  it('says how to start when there is no policy at all', async () => {
    const dir = await writeTree({ 'allowlists/dsa.yaml': DSA });
    await expect(loadConfig(dir)).rejects.toThrow(
      /^policy\/policy\.yaml: not found in .*run "follow-audit init"/,
    );
  });

  it('reports every problem of every file at once', async () => {
    const found = await problems({
      'policy/policy.yaml': POLICY.replace('allow: [dsa]', 'allow: [nope]').replace(
        'platform: x',
        'platfrom: x',
      ),
      'allowlists/e.yaml':
        'category: endorsed\nentries:\n  - name: J\n    accounts: { x: j }\n    endorsement: { expires: soon }\n',
    });
    expect(found.length).toBeGreaterThanOrEqual(3);
    expect(found.some((p) => p.startsWith('policy/policy.yaml'))).toBe(true);
    expect(found.some((p) => p.startsWith('allowlists/e.yaml'))).toBe(true);
  });

  it('fails fast on a YAML alias bomb', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const found = await problems({ 'allowlists/bomb.yaml': `${bomb.join('\n')}\n` });
    expect(found[0]).toMatch(/^allowlists\/bomb\.yaml:1:1 cannot read this YAML/);
  });
});
