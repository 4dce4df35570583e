// A source must be a regular file within the size cap. A folder, a device that never ends
// (/dev/zero) and a socket each get a plain message and an incomplete account; none of them is
// read, so the audit neither grows nor hangs. A named pipe (FIFO) is refused by the same check
// (isFIFO, and a non-blocking open), but Node cannot make one without an outside tool, so no
// test here creates one.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { runAsync } from '../helpers/cli.js';
import { writeTree } from '../helpers/tree.js';

const SPECIAL = {
  folder: {
    platform: 'instagram',
    source: 'lists',
    message: /^lists is a folder: point at the file inside it/,
  },
  zero: { platform: 'x', source: '/dev/zero', message: /^\/dev\/zero is a device, not a file/ },
  socket: {
    platform: 'tiktok',
    source: 'lists/audit.sock',
    message: /^lists\/audit\.sock is a socket, not a file/,
  },
};

let dir = '';
let server: Server;
beforeAll(async () => {
  const accounts = Object.entries(SPECIAL)
    .map(
      ([name, s]) => `  - { name: ${name}, platform: ${s.platform}, handle: owner, source: ${s.source} }\n`,
    )
    .join('');
  dir = await writeTree({
    'policy/policy.yaml': `organization: Example City DSA\naccounts:\n${accounts}  - { name: fine, platform: x, handle: owner, source: lists/fine.csv }\n`,
    'allowlists/dsa.yaml':
      'category: dsa\nentries:\n  - { name: Lakeside DSA, accounts: { x: LakesideDSA } }\n',
    'lists/fine.csv': 'handle\nLakesideDSA\n',
  });
  server = createServer();
  await new Promise<void>((resolve) => server.listen(join(dir, 'lists/audit.sock'), resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('sources that are not regular files', () => {
  it('make their account incomplete with a plain message, at once', async () => {
    const started = Date.now();
    const report = await audit({ config: dir, asOf: '2026-11-21', offline: true });
    expect(Date.now() - started).toBeLessThan(5000);
    for (const [name, s] of Object.entries(SPECIAL)) {
      const account = report.accounts.find((a) => a.name === name)!;
      expect(account.complete, name).toBe(false);
      expect(account.error, name).toMatch(s.message);
    }
    expect(report.accounts.find((a) => a.name === 'fine')).toMatchObject({ complete: true, following: 1 });
  });

  it('exit 3 from audit and 2 from import, without reading /dev/zero', { timeout: 30_000 }, async () => {
    expect(existsSync('/dev/zero')).toBe(true);
    const run = await runAsync(['audit', '-C', dir, '--as-of', '2026-11-21', '--format', 'json']);
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout).summary.incompleteAccounts).toBe(3);
    const imported = await runAsync(['import', '-C', dir, '/dev/zero', join(dir, 'lists')]);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toMatch(/\/dev\/zero is a device, not a file/);
    expect(imported.stderr).toMatch(/lists is a folder/);
  });
});
