import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ApiServer, startApiServer } from '../helpers/api-server.js';
import { type BlueskyNetwork, type NetworkAccount, startBlueskyNetwork } from '../helpers/bluesky-network.js';
import { runAsync } from '../helpers/cli.js';
import { writeTree } from '../helpers/tree.js';

const SUBJECT = 'did:plc:examplecitydsa';
const TOKEN = 'sample-twitch-token-must-not-leak-0123';
const follows: NetworkAccount[] = Array.from({ length: 150 }, (_, i) => ({
  did: `did:plc:sample${i}`,
  handle: `sample${i}.example.org`,
}));

const allowlist = `category: dsa
entries:
${follows.map((f, i) => `  - name: Sample ${i}\n    accounts:\n      bluesky: { handle: ${f.handle}, id: "${f.did}" }`).join('\n')}
`;

function policy(withTwitch: boolean, plcUrl = network.plc.url): string {
  const twitchAccount = `
  - name: chapter-twitch
    platform: twitch
    handle: examplecitydsa
    source: api
    api_url: ${twitch.url}`;
  return `organization: Example City DSA
accounts:
  - name: chapter-bluesky
    platform: bluesky
    handle: examplecitydsa.bsky.social
    source: api
    api_url: ${network.appview.url}
    plc_url: ${plcUrl}${withTwitch ? twitchAccount : ''}
`;
}

let network: BlueskyNetwork;
let twitch: ApiServer;
afterEach(async () => {
  await network?.close();
  await twitch?.close();
});

/** The chapter follows `extra` DIDs besides the 150 sample accounts. */
async function start(extra: string[] = []) {
  const chapter = {
    did: SUBJECT,
    handle: 'examplecitydsa.bsky.social',
    follows: [...follows.map((f) => f.did), ...extra],
  };
  network = await startBlueskyNetwork([chapter, ...follows]);
  twitch = await startApiServer({
    // A server that keeps failing, and echoes the token it was sent.
    '/helix/users': (_url, r) => ({
      status: 503,
      body: { message: `upstream down for ${r.headers.authorization}` },
    }),
  });
  // The first page comes only after a rate limit, which the CLI waits out for real (1s).
  network.appview.queue('/xrpc/app.bsky.graph.getFollows', {
    status: 429,
    headers: { 'RateLimit-Reset': String(Date.now() / 1000 + 1) },
  });
}

const audit = (dir: string) => runAsync(['audit', '-C', dir, '--as-of', '2026-11-21', '--format', 'json']);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('audit with source: api against a local emulation of the platform APIs', () => {
  it('fetches completely across pages and a rate limit, audits and saves a snapshot', async () => {
    await start();
    const dir = await writeTree({ 'policy/policy.yaml': policy(false), 'allowlists/dsa.yaml': allowlist });
    const r = await audit(dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.accounts[0]).toMatchObject({
      name: 'chapter-bluesky',
      source: 'api',
      complete: true,
      following: 150,
    });
    expect(report.summary).toMatchObject({ following: 150, allowed: 150, incompleteAccounts: 0 });
    const snapshots = await filesUnder(join(dir, '.follow-audit/snapshots/chapter-bluesky'));
    expect(snapshots).toHaveLength(1);
    expect(JSON.parse(await readFile(snapshots[0]!, 'utf8'))).toMatchObject({ complete: true });
  });

  it('names by DID the follows of deleted and never-registered accounts that the AppView leaves out', async () => {
    await start(['did:plc:sampledeleted', 'did:plc:samplenoaccount']);
    const dir = await writeTree({ 'policy/policy.yaml': policy(false), 'allowlists/dsa.yaml': allowlist });
    const r = await audit(dir);
    const report = JSON.parse(r.stdout);
    expect(report.accounts[0]).toMatchObject({ complete: true, following: 152 });
    const targets = report.findings.map((f: { target: { id: string } }) => f.target.id);
    expect(targets).toEqual(expect.arrayContaining(['did:plc:sampledeleted', 'did:plc:samplenoaccount']));
    expect(r.code).not.toBe(0);
  });

  it('never passes a list shorter than followsCount: without the records it is incomplete, exit 3', async () => {
    await start(['did:plc:sampledeleted', 'did:plc:samplenoaccount']);
    const lost = await startApiServer({}); // a DID directory that knows no DID
    const dir = await writeTree({
      'policy/policy.yaml': policy(false, lost.url),
      'allowlists/dsa.yaml': allowlist,
    });
    const r = await audit(dir);
    await lost.close();
    expect(r.code).toBe(3);
    const account = JSON.parse(r.stdout).accounts[0];
    expect(account).toMatchObject({ complete: false, following: 150 });
    expect(account.error).toContain('Bluesky counts 152 follows for this account but listed only 150');
  });

  it('reports only the failing account incomplete, exit 3, with the token nowhere', async () => {
    await start();
    const dir = await writeTree({
      'policy/policy.yaml': policy(true),
      'allowlists/dsa.yaml': allowlist,
    });
    const env = { TWITCH_CLIENT_ID: 'sample-client-id-0123', TWITCH_TOKEN: TOKEN };
    const r = await runAsync(
      ['audit', '-C', dir, '--as-of', '2026-11-21', '--format', 'json', '-o', 'report.json'],
      {
        cwd: dir,
        env,
      },
    );
    expect(r.code).toBe(3);
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
    const byName = Object.fromEntries(report.accounts.map((a: { name: string }) => [a.name, a]));
    expect(byName['chapter-bluesky']).toMatchObject({ complete: true, following: 150 });
    expect(byName['chapter-twitch'].complete).toBe(false);
    expect(byName['chapter-twitch'].error).toContain('503');
    expect(twitch.received.filter((q) => q.url.pathname === '/helix/users')).toHaveLength(4);
    const written = await filesUnder(dir);
    expect(written.some((f) => f.includes('chapter-twitch'))).toBe(true);
    for (const text of [
      r.stdout,
      r.stderr,
      ...(await Promise.all(written.map((f) => readFile(f, 'utf8')))),
    ]) {
      expect(text).not.toContain(TOKEN);
    }
  });
});
