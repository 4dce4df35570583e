// Configuration files as editors save them: a UTF-8 BOM is read as UTF-8; UTF-16 (with or
// without its byte order mark), another encoding or binary data is one problem naming the file
// and saying to save it as UTF-8, exit 2, never a riddle about line 1.
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError, UsageError } from '../../src/errors.js';
import { run } from '../helpers/cli.js';
import { writeTree } from '../helpers/tree.js';

const POLICY = `organization: Example City DSA
accounts:
  - { name: chapter-x, platform: x, handle: ExampleCityDSA, source: lists/x.csv, as_of: 2026-11-20 }
`;
const ALLOWLIST = 'category: dsa\nentries:\n  - { name: Lakeside DSA, accounts: { x: LakesideDSA } }\n';
const CSV = 'handle\nLakesideDSA\n';
const SAVE_AS = "save this file as UTF-8 (in the editor's Save As, choose the encoding UTF-8)";

const utf16le = (text: string, bom = true) =>
  Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.from(utf16le(text).map((_, i, b) => b[i ^ 1]!));

async function problemsOf(files: Record<string, string | Uint8Array>) {
  const dir = await writeTree({ 'lists/x.csv': CSV, ...files });
  const error = await loadConfig(dir).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  return { dir, problems: (error as ConfigError).problems };
}

describe('configuration file encodings', () => {
  it('reads policy.yaml and allowlists saved with a UTF-8 BOM', async () => {
    const dir = await writeTree({
      'policy/policy.yaml': `\uFEFF${POLICY}`,
      'allowlists/dsa.yaml': `\uFEFF${ALLOWLIST}`,
      'lists/x.csv': CSV,
    });
    const report = await audit({ config: dir, asOf: '2026-11-21', offline: true });
    expect(report.summary).toMatchObject({ following: 1, allowed: 1 });
  });

  it.each([
    ['UTF-16LE with its BOM', utf16le(POLICY)],
    ['UTF-16BE with its BOM', utf16be(POLICY)],
    ['UTF-16LE without a BOM', utf16le(POLICY, false)],
  ])('says to save a policy.yaml in %s as UTF-8', async (_, bytes) => {
    const { dir, problems } = await problemsOf({
      'policy/policy.yaml': bytes,
      'allowlists/dsa.yaml': ALLOWLIST,
    });
    expect(problems).toEqual([
      { file: 'policy/policy.yaml', line: 0, column: 0, message: `is saved as UTF-16: ${SAVE_AS}` },
    ]);
    const cli = run(['validate', '-C', dir]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain(`policy/policy.yaml: is saved as UTF-16: ${SAVE_AS}`);
    expect(cli.stderr).not.toMatch(/undefined|required/);
  });

  it('says the same of an allowlist in Latin-1 or one that is binary', async () => {
    const { problems } = await problemsOf({
      'policy/policy.yaml': POLICY,
      'allowlists/dsa.yaml': Buffer.from(`${ALLOWLIST}description: Caf\xe9 workers\n`, 'latin1'),
      'allowlists/image.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    });
    const notText = `is not UTF-8 text (binary data, or another encoding): ${SAVE_AS}`;
    expect(problems).toEqual([
      { file: 'allowlists/dsa.yaml', line: 0, column: 0, message: notText },
      { file: 'allowlists/image.yaml', line: 0, column: 0, message: notText },
    ]);
  });

  it('refuses a policy.yaml that is a folder, without reading it', async () => {
    const { problems } = await problemsOf({ 'policy/policy.yaml/x': '', 'allowlists/dsa.yaml': ALLOWLIST });
    expect(problems[0]).toMatchObject({
      file: 'policy/policy.yaml',
      message: expect.stringMatching(/^is a folder/),
    });
  });

  it('says to save a UTF-16 .env as UTF-8, rather than finding no token in it', async () => {
    const dir = await writeTree({
      'policy/policy.yaml': POLICY,
      'allowlists/dsa.yaml': ALLOWLIST,
      'lists/x.csv': CSV,
      '.env': utf16le('X_BEARER_TOKEN=AAAAfake0000token\n'),
    });
    const error = await audit({ config: dir, asOf: '2026-11-21', env: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(`.env is saved as UTF-16: ${SAVE_AS}`);
  });
});
