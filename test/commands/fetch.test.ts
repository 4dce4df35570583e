import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { fetchLists, fetchSummary } from '../../src/commands/fetch.js';
import { startXServer, type XServer } from '../helpers/x-api.js';
import { X_TOKEN, X_USERS, xAuditFolder } from '../helpers/x-tree.js';

let server: XServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const live = { env: { X_BEARER_TOKEN: X_TOKEN }, maxCostUsd: 1, asOf: '2026-11-21' };

describe('fetch', () => {
  it('saves snapshots from which audit --offline finds what audit finds live', async () => {
    server = await startXServer({ users: X_USERS, token: X_TOKEN, pageSize: 2 });
    const dir = await xAuditFolder(server.url);
    const online = await audit({ config: dir, ...live });
    expect(online.accounts[0]).toMatchObject({ complete: true, following: 3, source: 'api' });

    const lists = await fetchLists({ config: dir, ...live });
    expect(fetchSummary(lists)).toBe(
      'chapter-x (X): 3 followed, complete, saved in .follow-audit/snapshots/chapter-x/',
    );
    const offline = await audit({ config: dir, offline: true, asOf: '2026-11-21', env: {} });
    expect(offline.accounts[0]).toMatchObject({ complete: true, following: 3, source: 'snapshot' });
    expect(offline.findings).toEqual(online.findings);
    expect(online.findings.map((f) => `${f.kind} ${f.target.handle}`).sort()).toEqual([
      'endorsement-lapsed SampleCandidate',
      'not-allowed SampleStranger',
    ]);
    expect(await readdir(join(dir, '.follow-audit/snapshots/chapter-x'))).toHaveLength(2);
  });

  it('reads the token from .env in the audit folder', async () => {
    server = await startXServer({ users: X_USERS, token: X_TOKEN });
    const dir = await xAuditFolder(server.url, { '.env': `# tokens\nX_BEARER_TOKEN="${X_TOKEN}"\n` });
    const [list] = await fetchLists({ config: dir, env: {}, maxCostUsd: 1 });
    expect(list).toMatchObject({ complete: true, error: null });
  });

  it('lets the real environment win over .env', async () => {
    server = await startXServer({ users: X_USERS, token: X_TOKEN });
    const dir = await xAuditFolder(server.url, { '.env': 'X_BEARER_TOKEN=sample-stale-token\n' });
    const [list] = await fetchLists({ config: dir, env: { X_BEARER_TOKEN: X_TOKEN }, maxCostUsd: 1 });
    expect(list!.complete).toBe(true);
  });

  it('says why a list is incomplete, and keeps what it got', async () => {
    server = await startXServer({
      users: X_USERS,
      token: X_TOKEN,
      pageSize: 2,
      faults: [undefined, 'malformed'],
    });
    const dir = await xAuditFolder(server.url);
    const lists = await fetchLists({ config: dir, ...live });
    expect(lists[0]).toMatchObject({ complete: false });
    expect(lists[0]!.following).toHaveLength(2);
    expect(fetchSummary(lists)).toMatch(/^chapter-x \(X\): 2 followed, INCOMPLETE: X failed on .*malformed/);
  });

  it('refuses to spend without --max-cost', async () => {
    server = await startXServer({ users: X_USERS, token: X_TOKEN });
    const dir = await xAuditFolder(server.url);
    const [list] = await fetchLists({ config: dir, env: { X_BEARER_TOKEN: X_TOKEN } });
    expect(list!.complete).toBe(false);
    expect(list!.error).toMatch(/about \$0\.03.*--max-cost 0\.03/);
  });
});
