import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAsync } from '../helpers/cli.js';
import { type HttpsServer, startHttpsServer, TEST_CA_FILE } from '../helpers/https-server.js';
import { NATIONAL, POLICY, sha256 } from '../helpers/shared.js';
import { writeTree } from '../helpers/tree.js';

// The CLI's own fetch (Node's), trusting the test CA the way any Node program is told to trust a
// private CA: NODE_EXTRA_CA_CERTS. Nothing in follow-audit loosens certificate checks.
const env = { NODE_EXTRA_CA_CERTS: TEST_CA_FILE };

let server: HttpsServer;
let dir: string;
beforeAll(async () => {
  server = await startHttpsServer({ '/endorsed.yaml': { body: NATIONAL } });
  dir = await writeTree({
    'policy/policy.yaml': POLICY,
    'lists/chapter-x.csv': 'handle\nSamSampleForSenate\nMariaFictional\n',
    'allowlists/national.yaml': `# kept by the national organization\ninclude: ${server.url}/endorsed.yaml\n`,
  });
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('follow-audit update', () => {
  it('pins a shared list fetched over https, then audits offline from the pinned copy', async () => {
    const args = ['-C', dir, '--as-of', '2026-11-21'];
    const unpinned = await runAsync(['audit', ...args], { env });
    expect(unpinned.code).toBe(2);
    expect(unpinned.stderr).toContain('is not pinned yet: run "follow-audit update --write"');

    const dry = await runAsync(['update', ...args], { env });
    expect(dry).toMatchObject({ code: 1, stderr: '' });
    expect(dry.stdout).toContain(`allowlists/national.yaml: ${server.url}/endorsed.yaml\n  not pinned yet`);

    const written = await runAsync(['update', '--write', ...args], { env });
    expect(written.code).toBe(1);
    expect(await readFile(join(dir, 'allowlists/national.yaml'), 'utf8')).toBe(
      `# kept by the national organization\ninclude: ${server.url}/endorsed.yaml\nsha256: ${sha256(NATIONAL)}\nupdated: 2026-11-21\n`,
    );

    const json = await runAsync(['update', '--format', 'json', ...args], { env });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).lists[0]).toMatchObject({ state: 'unchanged', sha256: sha256(NATIONAL) });

    await server.close();
    const offline = await runAsync(['audit', '--offline', '--format', 'json', ...args], { env });
    expect(offline.code).toBe(1);
    const report = JSON.parse(offline.stdout);
    expect(report.findings[0].entry).toEqual({
      name: 'Sam Sample',
      category: 'endorsed',
      file: `${server.url}/endorsed.yaml`,
      line: 4,
      sharedList: 'allowlists/national.yaml',
    });

    const down = await runAsync(['update', ...args], { env });
    expect(down.code).toBe(3);
    expect(down.stdout).toContain('could not be fetched: ');
  });

  it('without the CA it trusts no certificate it cannot check (exit 3)', async () => {
    const other = await startHttpsServer({ '/endorsed.yaml': { body: NATIONAL } });
    const folder = await writeTree({
      'policy/policy.yaml': POLICY,
      'allowlists/national.yaml': `include: ${other.url}/endorsed.yaml\n`,
    });
    try {
      const r = await runAsync(['update', '-C', folder]);
      expect(r.code).toBe(3);
      expect(r.stdout).toMatch(
        /could not be fetched: The shared list's server could not be reached at .* UNABLE_TO_VERIFY_LEAF_SIGNATURE/,
      );
    } finally {
      await other.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
