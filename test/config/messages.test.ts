import { describe, expect, it } from 'vitest';
import { DSA, problems as messages, POLICY } from '../helpers/config-problems.js';

// Every mistake a volunteer editing the files can make, and the exact words they get back: where,
// what is wrong and what to write instead. No row may leak the parser's or the schema library's
// terms ("expected int", "Sequence item", "indicator", "Invalid input", "Implicit keys").

const entry = (lines: string) => `category: dsa\nentries:\n  - name: Lakeside\n${lines}`;
const withX = (x: string) => DSA.replace('x: ExampleLakeside', x);
const endorsed = (lines: string) => entry(`    accounts: { x: j }\n${lines}`);

type Row = [mistake: string, file: 'policy' | 'dsa', content: string, expected: string];
const A = 'allowlists/dsa.yaml';
const P = 'policy/policy.yaml';

const ROWS: Row[] = [
  // Numbers
  [
    'an X id too long to be a number',
    'dsa',
    withX('x: { handle: a, id: 12345678901234567890 }'),
    `${A}:5:27 entries.accounts.x.id: 12345678901234567890 is too long to be read as a number: put quotes around it, "12345678901234567890"`,
  ],
  [
    'a negative number of days',
    'policy',
    `warn_days: -3\n${POLICY}`,
    `${P}:1:12 warn_days: -3 is less than 0: write 0 or more`,
  ],
  [
    'a fraction where whole days are counted',
    'policy',
    `max_age_days: 2.5\n${POLICY}`,
    `${P}:1:15 max_age_days: 2.5 is not a whole number: write one without a decimal point`,
  ],
  [
    'words where a number is expected',
    'policy',
    `warn_days: thirty\n${POLICY}`,
    `${P}:1:12 warn_days: "thirty" is not a number: write digits only, like 30`,
  ],
  [
    'a number where text is expected',
    'dsa',
    'category: dsa\nentries:\n  - name: 1234\n    accounts:\n      x: a\n',
    `${A}:3:11 entries.name: 1234 is read as a number: put it in quotes, "1234", to write it as text`,
  ],
  [
    'a handle of digits only',
    'dsa',
    withX('x: 12345'),
    `${A}:5:10 entries.accounts.x: 12345 is read as a number: put it in quotes, "12345", to write it as text`,
  ],
  // Choices and keys
  [
    'an endorsement level that is not one of the choices',
    'dsa',
    endorsed('    endorsement:\n      level: state\n      expires: 2026-12-01\n'),
    `${A}:6:14 entries.endorsement.level: "state" is not a choice here: it must be one of: local, national`,
  ],
  [
    'a misspelled key',
    'dsa',
    endorsed('    endorsment:\n      expires: 2026-12-01\n'),
    `${A}:5:5 entries: unknown key "endorsment" (did you mean "endorsement"?)`,
  ],
  [
    'a duplicate account name',
    'policy',
    `${POLICY}  - name: chapter-x\n    platform: x\n    handle: Other\n    source: lists/y.csv\n`,
    `${P}:8:11 accounts.name: "chapter-x" is already the name of the X account ExampleChapter (line 4): give each account a name of its own`,
  ],
  [
    'an empty value in quotes',
    'dsa',
    'category: dsa\nentries:\n  - name: ""\n    accounts:\n      x: a\n',
    `${A}:3:11 entries.name: this is empty: write a value, or remove the line`,
  ],
  [
    'a key with nothing after the colon',
    'dsa',
    withX('x:'),
    `${A}:5:9 entries.accounts.x: nothing is written after the colon: write a value, or remove the line`,
  ],
  [
    'a "-" with nothing after it',
    'dsa',
    'category: dsa\nentries:\n  -\n',
    `${A}:3:4 entries: this list item is empty: write it after the "-", or remove the line`,
  ],
  [
    'a link that is not a web address',
    'policy',
    `${POLICY}    api_url: not a link\n`,
    `${P}:8:14 accounts.api_url: "not a link" is not a web address: write it like https://example.org`,
  ],
  [
    'an account on a platform without an API, and no file',
    'policy',
    POLICY.replace('platform: x', 'platform: instagram').replace('    source: lists/x.csv\n', ''),
    `${P}:4:5 accounts: Instagram has no API for the following list: set source: import (and run "follow-audit import" on each download), or source: to the export file. In the app: Accounts Center › Your information and permissions › Download your information › Followers and following, format JSON`,
  ],
  // Wrong shapes
  [
    'a list where key: value lines are expected',
    'dsa',
    'category: dsa\nentries:\n  - name: A\n    accounts:\n      - x: a\n',
    `${A}:5:7 entries.accounts: this is a list (its lines start with "- "), but key: value lines are expected here: remove the "- "`,
  ],
  [
    'a single value where a list is expected',
    'policy',
    POLICY.replace('allow: [dsa]', 'allow: dsa'),
    `${P}:2:8 allow: "dsa" is a single value, but a list is expected here: write [dsa], or each item on its own line starting with "- "`,
  ],
  [
    'key: value lines where a list is expected',
    'dsa',
    'category: dsa\nentries:\n  name: A\n  accounts:\n    x: a\n',
    `${A}:3:3 entries: these are key: value lines, but a list is expected here: start each item with "- "`,
  ],
  [
    'a file that is a list',
    'dsa',
    '- Lakeside\n- Hillside\n',
    `${A}:1:1 this file holds a list, but it should be key: value lines (each key at the start of a line, then a colon and a space)`,
  ],
  ['an empty file', 'policy', '', `${P}:1:1 this file is empty: write "organization:" and "accounts:"`],
  [
    'a file that is only a comment',
    'policy',
    '# to do\n',
    `${P}:1:1 this file is empty (it holds only comments): write "organization:" and "accounts:"`,
  ],
  // Dates
  [
    'a month 13',
    'dsa',
    endorsed('    decided: 2026-13-01\n'),
    `${A}:5:14 entries.decided: "2026-13-01" is not a date (YYYY-MM-DD)`,
  ],
  [
    'a day written day/month/year',
    'dsa',
    endorsed('    decided: 31/12/2026\n'),
    `${A}:5:14 entries.decided: "31/12/2026" is not a date as written here: write year-month-day, 2026-12-31`,
  ],
  [
    'a day written so that day and month could be either',
    'dsa',
    endorsed('    decided: 03/04/2026\n'),
    `${A}:5:14 entries.decided: "03/04/2026" is not a date as written here: write year-month-day, YYYY-MM-DD (2026-..-..)`,
  ],
  [
    'a date YAML reads as a date and time',
    'dsa',
    `%YAML 1.1\n---\n${endorsed('    decided: 2026-12-01\n')}`,
    `${A}:7:14 entries.decided: 2026-12-01 is read as a date and time: put it in quotes, "2026-12-01"`,
  ],
  [
    'digits where a date is expected',
    'dsa',
    endorsed('    decided: 20261201\n'),
    `${A}:5:14 entries.decided: 20261201 is not a date: write it as YYYY-MM-DD`,
  ],
  // YAML syntax
  [
    'a list item indented by three spaces',
    'dsa',
    'category: dsa\nentries:\n  - name: A\n    accounts:\n      x: a\n   - name: B\n    accounts:\n      x: b\n',
    `${A}:6:4 this "- " item is not lined up with the items above it: start every item of a list at the same column (indent with spaces, 2 more for each level, and line up the lines of one group)`,
  ],
  [
    'a key indented by one space too many',
    'dsa',
    'category: dsa\nentries:\n  - name: A\n    accounts:\n       x: a\n      bluesky: b.example.org\n',
    `${A}:6:1 this line is not lined up with the lines above it: indent with spaces, 2 more for each level, and line up the lines of one group`,
  ],
  [
    'a tab as indentation',
    'dsa',
    'category: dsa\nentries:\n  - name: A\n    accounts:\n\tx: a\n',
    `${A}:5:1 this line is indented with a tab: use spaces instead (2 for each level)`,
  ],
  [
    'no space after a colon, in a value',
    'dsa',
    withX('x:ExampleLakeside'),
    `${A}:5:7 entries.accounts: "x:ExampleLakeside" needs a space after the colon: write "x: ExampleLakeside"`,
  ],
  [
    'no space after a colon, at the top',
    'dsa',
    DSA.replace('category: dsa', 'category:dsa'),
    `${A}:1:1 put a space after the colon: write "category: dsa"`,
  ],
  [
    'an unclosed double quote',
    'dsa',
    'category: dsa\nentries:\n  - name: "Lakeside\n    accounts:\n      x: a\n',
    `${A}:3:11 the quote " opened here is never closed: add a closing " at the end of the value`,
  ],
  [
    'an unclosed single quote',
    'dsa',
    "category: dsa\nentries:\n  - name: 'Lakeside\n    accounts:\n      x: a\n",
    `${A}:3:11 the quote ' opened here is never closed: add a closing ' at the end of the value`,
  ],
  [
    'a key written twice',
    'dsa',
    'category: dsa\nentries:\n  - name: A\n    name: B\n    accounts:\n      x: a\n',
    `${A}:4:5 "name" is written twice in the same group: keep one of them`,
  ],
  [
    'a colon and space inside a value',
    'dsa',
    entry('    decision: vote: yes\n    accounts:\n      x: a\n'),
    `${A}:4:15 a second ": " on this line reads as a key inside the value: put the value in quotes (decision: "vote: yes"), or, if the next line is a key of its own, line it up with this one`,
  ],
  [
    'an example uncommented under "exceptions: []"',
    'policy',
    `${POLICY}exceptions: []\n  - account: chapter-x\n    follows: x:a\n`,
    `${P}:8:13 "exceptions: []" says the list is empty, but items follow it: delete the [] (write "exceptions:")`,
  ],
  [
    'a handle written with @ and no quotes',
    'dsa',
    withX('x: @ExampleLakeside'),
    `${A}:5:10 a value starting with @ must be in quotes: write "@ExampleLakeside"`,
  ],
  [
    'an unclosed {',
    'dsa',
    'category: dsa\nentries:\n  - name: A\n    accounts: { x: a\n',
    `${A}:4:15 the { here is not closed as expected: close it with } on the same line, and separate its items with ", "`,
  ],
  [
    'a value starting with *',
    'dsa',
    'category: dsa\nentries:\n  - name: *Lakeside\n',
    `${A}:3:11 a value starting with * must be in quotes: write "*Lakeside"`,
  ],
  [
    'a backslash in double quotes',
    'dsa',
    entry('    decision: "C:\\qvotes"\n    accounts:\n      x: a\n'),
    `${A}:4:18 a backslash inside "double quotes" starts a special character: write \\\\ for a backslash, or use 'single quotes'`,
  ],
  [
    'two documents in one file',
    'dsa',
    `${DSA}---\ncategory: other\n`,
    `${A}:6:1 this file holds more than one document: remove the "---" line and what belongs to another file`,
  ],
];

const JARGON =
  /expected int|Sequence item|indicator|Invalid input|Implicit|Too (big|small)|Invalid option|compact|accounts\[\d/;

describe('the message for each mistake', () => {
  for (const [mistake, file, content, expected] of ROWS) {
    it(mistake, async () => {
      const path = file === 'policy' ? P : A;
      const found = await messages({ [path]: content });
      // A broken allowlist also leaves the policy's allow: naming a category nobody defines.
      expect(found.filter((m) => m.startsWith(path))).toEqual([expected]);
      for (const m of found) expect(m).not.toMatch(JARGON);
    });
  }
});
