import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAsync } from '../helpers/cli.js';
import { startXServer, type XServer } from '../helpers/x-api.js';
import { X_TOKEN, X_USERS, xAuditFolder } from '../helpers/x-tree.js';

let server: XServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function everyFile(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name), 'utf8')),
  );
}

const env = { X_BEARER_TOKEN: X_TOKEN };

describe('follow-audit against a local X API, token in the environment', () => {
  it('fetches across pages and a 5xx, audits, and never shows or writes the token', async () => {
    server = await startXServer({
      users: X_USERS,
      token: X_TOKEN,
      pageSize: 1,
      faults: [undefined, { status: 503 }],
    });
    const dir = await xAuditFolder(server.url);
    const args = ['-C', dir, '--as-of', '2026-11-21', '--max-cost', '1'];
    const audited = await runAsync(['audit', ...args, '--format', 'json'], { env });
    expect(audited.stderr).toBe('');
    expect(audited.code).toBe(1);
    const report = JSON.parse(audited.stdout);
    expect(report.accounts[0]).toMatchObject({ complete: true, following: 3, source: 'api' });
    const fetched = await runAsync(['fetch', '-C', dir, '--max-cost', '1'], { env });
    expect(fetched).toMatchObject({ code: 0, stderr: '' });
    const offline = await runAsync([
      'audit',
      '-C',
      dir,
      '--as-of',
      '2026-11-21',
      '--offline',
      '--format',
      'json',
    ]);
    expect(JSON.parse(offline.stdout).findings).toEqual(report.findings);
    const outputs = [audited, fetched, offline].flatMap((r) => [r.stdout, r.stderr]);
    for (const text of [...outputs, ...(await everyFile(dir))]) expect(text).not.toContain(X_TOKEN);
    expect(server.requests.every((r) => r.authorized)).toBe(true);
  });

  it('reports a failing API as incomplete with exit 3, token still nowhere', async () => {
    server = await startXServer({ users: X_USERS, token: X_TOKEN, faults: ['malformed', 'malformed'] });
    const dir = await xAuditFolder(server.url);
    const fetched = await runAsync(['fetch', '-C', dir, '--max-cost', '1'], { env });
    expect(fetched.code).toBe(3);
    expect(fetched.stdout).toMatch(/chapter-x \(X\): 0 followed, INCOMPLETE: .*malformed/);
    const audited = await runAsync(['audit', '-C', dir, '--max-cost', '1', '--format', 'json'], { env });
    expect(audited.code).toBe(3);
    expect(JSON.parse(audited.stdout).accounts[0]).toMatchObject({ complete: false });
    const refused = await runAsync(['fetch', '-C', dir], { env });
    expect(refused.code).toBe(3);
    expect(refused.stdout).toMatch(/pass --max-cost 0\.03/);
    const outputs = [fetched, audited, refused].flatMap((r) => [r.stdout, r.stderr]);
    for (const text of [...outputs, ...(await everyFile(dir))]) expect(text).not.toContain(X_TOKEN);
  });

  it('keeps where a stopped fetch can resume when the next run is refused before its first page', async () => {
    const farReset = Math.floor(Date.now() / 1000) + 3600;
    server = await startXServer({
      users: X_USERS,
      token: X_TOKEN,
      pageSize: 1,
      faults: [undefined, { status: 429, reset: farReset }],
    });
    const dir = await xAuditFolder(server.url);
    const stopped = await runAsync(['fetch', '-C', dir, '--max-cost', '1', '--max-wait', '0'], { env });
    expect(stopped.stdout).toMatch(/chapter-x \(X\): 1 followed, INCOMPLETE: X's rate limit/);
    const refused = await runAsync(['fetch', '-C', dir, '--max-cost', '0.01'], { env });
    expect(refused.stdout).toMatch(/0 followed, INCOMPLETE: .*pass --max-cost 0\.02/);
    const resumed = await runAsync(['fetch', '-C', dir, '--max-cost', '1'], { env });
    expect(resumed.stdout).toMatch(/chapter-x \(X\): 3 followed, complete/);
    const pages = server.requests.filter((r) => r.path.endsWith('/following'));
    expect(pages.map((r) => r.query.has('pagination_token'))).toEqual([false, true, true, true]);
  });
});
