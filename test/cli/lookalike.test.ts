import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAsync } from '../helpers/cli.js';
import { startXServer, type XServer } from '../helpers/x-api.js';
import { X_TOKEN, X_USERS, xAuditFolder } from '../helpers/x-tree.js';

// Handles that only look like allowlisted ones: through the emulated X API, `ExampleLa\u212AesideDSA`
// (the Kelvin sign) and `ExampleL\u0430kesideDSA` (a Cyrillic a) beside the real ExampleLakesideDSA;
// on Bluesky, IDN domains written in one form in the allowlist and in the other in the list, and
// a Cyrillic look-alike of an allowlisted domain, in Unicode and in its xn-- form.
const KELVIN = 'ExampleLa\u212AesideDSA';
const CYRILLIC = 'ExampleL\u0430kesideDSA';
const SHOWN_KELVIN = 'ExampleLa\\u212AesideDSA';
const SHOWN_CYRILLIC = 'ExampleL\\u0430kesideDSA';
const SHOWN_BLUESKY = 'l\\u0430keside.example.org';

const USERS = [
  { ...X_USERS[0]!, follows: ['1001', '1004', '1005'] },
  X_USERS[1]!,
  { id: '1004', username: KELVIN, name: 'Example Lakeside DSA' },
  { id: '1005', username: CYRILLIC, name: 'Example Lakeside DSA' },
];

const BLUESKY = {
  'allowlists/bluesky.yaml': `category: dsa
entries:
  - name: Bücher Circle
    accounts:
      bluesky: bücher.example
  - name: Straße Union
    accounts:
      bluesky: xn--strae-oqa.example
  - name: Lakeside Bluesky
    accounts:
      bluesky: lakeside.example.org
`,
  'bluesky.csv': `handle,name
xn--bcher-kva.example,Bücher Circle
straße.example,Straße Union
l\u0430keside.example.org,Lakeside Bluesky
xn--lakesde-vog.example.org,Lakeside Bluesky
`,
};

let server: XServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function folder(): Promise<string> {
  server = await startXServer({ users: USERS, token: X_TOKEN });
  const dir = await xAuditFolder(server.url, BLUESKY);
  const policy = join(dir, 'policy/policy.yaml');
  const bluesky = `  - name: chapter-bsky
    platform: bluesky
    handle: examplecitydsa.example.org
    source: bluesky.csv
`;
  await writeFile(policy, `${await readFile(policy, 'utf8')}${bluesky}`);
  return dir;
}

describe('look-alike handles', () => {
  it('are not allowed, and every format shows them with their code points and names the entry', async () => {
    const dir = await folder();
    const out = (f: string) => join(dir, `out.${f}`);
    const r = await runAsync(
      [
        'audit',
        '-C',
        dir,
        '--as-of',
        '2026-11-21',
        '--max-cost',
        '1',
        '--no-save',
        '--format',
        'table',
        ...['json', 'markdown', 'junit', 'github'].flatMap((f) => ['--format', `${f}:${out(f)}`]),
      ],
      { env: { X_BEARER_TOKEN: X_TOKEN } },
    );
    expect(r.stderr).toMatch(/4 follows to end, no decision pending \(7 follows audited, 3 allowed\)/);
    expect(r.code).toBe(1);
    const [json, md, xml, gh] = await Promise.all(
      ['json', 'markdown', 'junit', 'github'].map((f) => readFile(out(f), 'utf8')),
    );
    const report = JSON.parse(json!);
    const findings = report.findings.map((f: Record<string, unknown>) => ({
      kind: f.kind,
      handle: (f.target as { handle: string }).handle,
      looksLike: f.looksLike,
    }));
    // The real sister chapter and both IDN forms are allowed; the four look-alikes are not.
    expect(findings).toEqual([
      {
        kind: 'not-allowed',
        handle: 'l\u0430keside.example.org',
        looksLike: {
          entry: 'Lakeside Bluesky',
          handle: 'lakeside.example.org',
          file: 'allowlists/bluesky.yaml',
          line: 9,
        },
      },
      {
        kind: 'not-allowed',
        handle: 'xn--lakesde-vog.example.org',
        looksLike: {
          entry: 'Lakeside Bluesky',
          handle: 'lakeside.example.org',
          file: 'allowlists/bluesky.yaml',
          line: 9,
        },
      },
      {
        kind: 'not-allowed',
        handle: KELVIN,
        looksLike: {
          entry: 'Lakeside DSA',
          handle: 'examplelakesidedsa',
          file: 'allowlists/dsa.yaml',
          line: 4,
        },
      },
      {
        kind: 'not-allowed',
        handle: CYRILLIC,
        looksLike: {
          entry: 'Lakeside DSA',
          handle: 'examplelakesidedsa',
          file: 'allowlists/dsa.yaml',
          line: 4,
        },
      },
    ]);
    expect(report.summary).toMatchObject({ following: 7, allowed: 3, violation: 4 });
    const kelvin = report.findings[2];
    expect(kelvin.message).toBe(
      `chapter-x follows @${SHOWN_KELVIN}, who is on no allowlist and has no exception; its handle only looks like @examplelakesidedsa (Lakeside DSA, allowlists/dsa.yaml:4): it is another account`,
    );
    expect(report.findings[0].message).toContain(`@${SHOWN_BLUESKY}, who is on no allowlist`);

    // Every format shows the code points, never the characters that pass for Latin letters.
    for (const text of [r.stdout, md!, xml!, gh!]) {
      expect(text).not.toMatch(/[\u212A\u0430]/);
      expect(text).toMatch(/only looks like @examplelakesidedsa/);
    }
    for (const text of [r.stdout, xml!, gh!])
      for (const shown of [SHOWN_KELVIN, SHOWN_CYRILLIC, SHOWN_BLUESKY]) expect(text).toContain(`@${shown}`);
    // Markdown escapes the backslash, so that it renders as written.
    for (const shown of [SHOWN_KELVIN, SHOWN_CYRILLIC, SHOWN_BLUESKY])
      expect(md).toContain(`@${shown.replace('\\', '\\\\')}`);
    expect(gh).toContain(`title=On no allowlist%3A chapter-x → @${SHOWN_KELVIN}`);
    expect(xml).toContain(`<testcase classname="chapter-x" name="@${SHOWN_KELVIN}">`);
  });

  it('cannot be written in an allowlist of a platform whose handles are ASCII', async () => {
    const dir = await folder();
    await writeFile(
      join(dir, 'allowlists/dsa.yaml'),
      `category: dsa\nentries:\n  - name: Lakeside DSA\n    accounts:\n      x: ${KELVIN}\n`,
    );
    const r = await runAsync(['validate', '-C', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toContain(
      `allowlists/dsa.yaml:5:10 entries.accounts.x: "${SHOWN_KELVIN}" is not an X handle: it has \\u212A, and X handles are ASCII letters, digits and _ only`,
    );
  });
});
