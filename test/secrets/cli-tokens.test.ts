import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Run, runAsync } from '../helpers/cli.js';
import { echoForms, TOKENS, tokenRuns } from '../helpers/tokens.js';
import { writeTree } from '../helpers/tree.js';

// The whole tool, not one adapter: every live account of a folder points at a server that
// answers every request with an error page echoing the credentials in every form, long enough
// to cross any cut. No run of 8 characters of a token may appear on standard output or error,
// in any report format, or in any file the audit leaves in the folder.
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const sent = [
      req.headers.authorization,
      req.headers['x-goog-api-key'],
      req.headers['client-id'],
      req.url,
    ];
    const echo = echoForms(sent.filter(Boolean).join(' '));
    const status = req.url?.includes('/2/') ? 403 : 400;
    res.writeHead(status, { 'content-type': 'text/html' });
    res.end(`<html>${'z'.repeat(30)}${echo}${'z'.repeat(150)}${echo}</html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const account = (platform: string, handle: string) =>
  `  - name: chapter-${platform}\n    platform: ${platform}\n    handle: ${handle}\n    source: api\n    api_url: ${base}\n`;

async function folder(): Promise<string> {
  const dotenv = Object.entries(TOKENS)
    .map(([k, v], i) => (i % 2 ? `export ${k}="${v}" # a comment` : `${k}=${v}`))
    .join('\n');
  return writeTree({
    'policy/policy.yaml': `organization: Example City DSA\naccounts:\n${[
      account('x', 'ExampleCityDSA'),
      account('mastodon', 'examplecitydsa@social.example.org'),
      account('youtube', '"@examplecitydsa"'),
      account('twitch', 'examplecitydsa'),
      account('bluesky', 'examplecitydsa.example.org'),
    ].join('')}`,
    'allowlists/dsa.yaml':
      'category: dsa\nentries:\n  - name: Lakeside DSA\n    accounts:\n      x: LakesideDSA\n',
    '.env': `${dotenv}\n`,
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name !== '.env').map((e) => join(e.parentPath, e.name));
}

async function leftIn(dir: string, runs: Run[]): Promise<string> {
  const files = await filesUnder(dir);
  expect(files.some((f) => f.includes('.follow-audit/snapshots'))).toBe(true);
  const written = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  return [...runs.flatMap((r) => [r.stdout, r.stderr]), ...written].join('\n');
}

// Each run starts several processes that each wait on an echoing server: more than the default time.
const SLOW = { timeout: 90_000 };

describe('no token fragment in anything the tool prints or writes', () => {
  it('audit in every format, and the snapshots and report it keeps', SLOW, async () => {
    const dir = await folder();
    const formats = ['json', 'markdown', 'junit', 'github'].flatMap((f) => [
      '--format',
      `${f}:${join(dir, `out.${f}`)}`,
    ]);
    const args = ['audit', '-C', dir, '--max-wait', '0', '--max-cost', '5', '--format', 'table', ...formats];
    const run = await runAsync(args);
    expect(run.code, run.stderr).toBe(3);
    expect((await filesUnder(dir)).some((f) => f.includes('.follow-audit/reports'))).toBe(true);
    const everything = await leftIn(dir, [run]);
    expect(everything).toContain('[redacted]');
    expect(tokenRuns(everything)).toEqual([]);
  });

  it('fetch, then an offline audit of what it kept', SLOW, async () => {
    const dir = await folder();
    const runs = [
      await runAsync(['fetch', '-C', dir, '--max-wait', '0', '--max-cost', '5']),
      await runAsync(['audit', '-C', dir, '--offline', '--format', 'json']),
    ];
    expect(runs.map((r) => r.code)).toEqual([3, 3]);
    const everything = await leftIn(dir, runs);
    expect(everything).toContain('[redacted]');
    expect(tokenRuns(everything)).toEqual([]);
  });
});
