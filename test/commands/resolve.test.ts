import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolve, resolveSummary } from '../../src/commands/resolve.js';
import { startXServer, type XServer } from '../helpers/x-api.js';
import { ENDORSED_YAML, X_TOKEN, X_USERS, xAuditFolder } from '../helpers/x-tree.js';

let server: XServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const COALITION_YAML = `# Coalition partners, decided at general meetings
category: coalition
entries:
  - name: Sample Climate Coalition
    accounts:
      x: https://twitter.com/SampleStranger  # their main account
      bluesky: climate.example.org
  - name: Sample Gone
    accounts:
      x: ["@SampleNoSuchAccount"]
`;

async function setUp() {
  server = await startXServer({ users: X_USERS, token: X_TOKEN });
  const dir = await xAuditFolder(server.url, { 'allowlists/coalition.yaml': COALITION_YAML });
  return { dir, options: { config: dir, env: { X_BEARER_TOKEN: X_TOKEN }, maxCostUsd: 1 } };
}

describe('resolve', () => {
  it('finds the missing X ids and leaves the files alone without --write', async () => {
    const { dir, options } = await setUp();
    const result = await resolve({ ...options, platforms: ['x'] });
    expect(resolveSummary(result, false)).toBe(
      [
        'allowlists/coalition.yaml:6 Sample Climate Coalition, x "https://twitter.com/SampleStranger": @SampleStranger is id 1003',
        'allowlists/coalition.yaml:10 Sample Gone, x "@SampleNoSuchAccount": not found on X',
        'allowlists/dsa.yaml:6 Lakeside DSA, x "ExampleLakesideDSA": @ExampleLakesideDSA is id 1001',
        'Run again with --write to put them into the allowlist files (comments are kept).',
        '',
      ].join('\n'),
    );
    expect(await readFile(join(dir, 'allowlists/coalition.yaml'), 'utf8')).toBe(COALITION_YAML);
  });

  it('writes the ids with --write, keeping comments and untouched files as they were', async () => {
    const { dir, options } = await setUp();
    const result = await resolve({ ...options, platforms: ['x'], write: true });
    expect(result.written).toEqual(['allowlists/coalition.yaml', 'allowlists/dsa.yaml']);
    expect(await readFile(join(dir, 'allowlists/dsa.yaml'), 'utf8')).toBe(`# Chapters of the organization
category: dsa
entries:
  - name: Lakeside DSA # sister chapter
    accounts:
      x: { handle: ExampleLakesideDSA, id: "1001" } # id to be resolved
    decided: 2025-01-12
`);
    const coalition = await readFile(join(dir, 'allowlists/coalition.yaml'), 'utf8');
    expect(coalition).toContain('# Coalition partners, decided at general meetings\n');
    expect(coalition).toContain(
      '      x: { url: https://twitter.com/SampleStranger, id: "1003" } # their main account\n',
    );
    // yaml prints flow sequences padded; the sample's own files round-trip unchanged.
    expect(coalition).toContain('      x: [ "@SampleNoSuchAccount" ]\n');
    expect(await readFile(join(dir, 'allowlists/endorsed.yaml'), 'utf8')).toBe(ENDORSED_YAML);
    const again = await resolve({ ...options, platforms: ['x'] });
    expect(again.resolutions.map((r) => r.written)).toEqual(['@SampleNoSuchAccount']);
  });

  it('shows the cost and refuses without --max-cost', async () => {
    const { options } = await setUp();
    const result = await resolve({ ...options, platforms: ['x'], maxCostUsd: 0, write: true });
    expect(result.failures).toEqual([
      { platform: 'x', message: expect.stringMatching(/3 accounts at \$0\.01 each.*--max-cost 0\.03/) },
    ]);
    expect(result.written).toEqual([]);
    expect(server!.requests.some((r) => r.path.startsWith('/2/users/by'))).toBe(false);
  });
});
