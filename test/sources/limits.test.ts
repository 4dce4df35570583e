import { truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { MAX_SOURCE_BYTES } from '../../src/sources/file.js';
import { run } from '../helpers/cli.js';
import { writeTree } from '../helpers/tree.js';

// Oversized inputs are refused before they are read, with a message naming the file. The big
// files are sparse (truncate grows them without writing), so the tests stay fast.

const POLICY = `organization: Sample Org
accounts:
  - { name: big, platform: instagram, handle: sampleorg, source: lists/big.csv }
  - { name: small, platform: instagram, handle: sampleorg, source: lists/small.csv }
`;
const ALLOWLIST =
  'category: dsa\nentries:\n  - { name: Sample Chapter, accounts: { instagram: samplechapter } }\n';

describe('size limits', () => {
  it('reports a source file over the cap as incomplete, and still audits the others', async () => {
    const dir = await writeTree({
      'policy/policy.yaml': POLICY,
      'allowlists/dsa.yaml': ALLOWLIST,
      'lists/big.csv': 'handle\nsamplechapter\n',
      'lists/small.csv': 'handle\nsamplechapter\n',
    });
    await truncate(join(dir, 'lists/big.csv'), MAX_SOURCE_BYTES + 1);
    const report = await audit({ config: dir, asOf: '2026-11-21', offline: true });
    const [big, small] = report.accounts;
    expect(big).toMatchObject({ name: 'big', complete: false });
    expect(big!.error).toMatch(/^lists\/big\.csv is 512 MB, over the 512 MB limit for one file/);
    expect(small).toMatchObject({ name: 'small', complete: true, following: 1 });

    const cli = run(['audit', '-C', dir, '--as-of', '2026-11-21', '--format', 'json']);
    expect(cli.code).toBe(3);
    expect(JSON.parse(cli.stdout).summary.incompleteAccounts).toBe(1);
  });

  it('refuses a YAML file over 10 MB as a configuration error, without reading it', async () => {
    const dir = await writeTree({
      'policy/policy.yaml': POLICY,
      'allowlists/dsa.yaml': ALLOWLIST,
      'allowlists/huge.yaml': 'category: huge\n',
    });
    await truncate(join(dir, 'allowlists/huge.yaml'), 4 * 1024 ** 3);
    const started = Date.now();
    const error = await loadConfig(dir).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      {
        file: 'allowlists/huge.yaml',
        line: 0,
        column: 0,
        message: 'is larger than 10 MB: this is not a hand-written policy file',
      },
    ]);

    const cli = run(['validate', '-C', dir]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('allowlists/huge.yaml: is larger than 10 MB');
  });
});
