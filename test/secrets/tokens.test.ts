import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../src/model.js';
import { adapters } from '../../src/platforms/registry.js';
import { liveContext } from '../helpers/live.js';
import { echoForms, TOKENS, tokenRuns } from '../helpers/tokens.js';

// Every adapter, forced down every error path by a server that echoes the credentials it was
// sent (in bodies, headers and links), as sent, %-decoded, %-encoded and in base64, and past
// the points where a message is cut. No run of 8 characters of a token may reach a list, an
// error, a resume cursor or a progress message.
type Fault = (req: IncomingMessage, res: ServerResponse, echo: string) => void;

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Fault => {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
};

const FAULTS: Record<string, Fault> = {
  'a 400 echoing the token': (req, res, echo) =>
    json(400, { error: 'InvalidRequest', message: `bad request for ${echo}`, detail: echo, title: echo })(
      req,
      res,
      echo,
    ),
  'a 401 echoing the token': (req, res, echo) =>
    json(401, { error: { code: 401, message: `token ${echo} is invalid`, errors: [{ reason: echo }] } })(
      req,
      res,
      echo,
    ),
  'a 403 echoing the token': (req, res, echo) =>
    json(403, { errors: [{ message: echo, title: echo, type: echo }], error: `forbidden ${echo}` })(
      req,
      res,
      echo,
    ),
  'a 404 echoing the token': (req, res, echo) => json(404, { error: `not found ${echo}` })(req, res, echo),
  'a 429 whose reset is too far away': (req, res, echo) =>
    json(
      429,
      { error: 'RateLimitExceeded', message: echo },
      {
        'retry-after': '3600',
        'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-ratelimit-reset': new Date(Date.now() + 3_600_000).toISOString(),
        'x-echo': echo,
      },
    )(req, res, echo),
  'a persistent 500 echoing the token': (req, res, echo) =>
    json(500, { error: `internal ${echo}`, message: echo })(req, res, echo),
  'malformed JSON with the token in it': (_req, res, echo) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(`{"data": [ {"id": "${echo}" `);
  },
  'a 200 of the wrong shape echoing the token': (req, res, echo) =>
    json(
      200,
      { data: echo, follows: echo, items: echo, cursor: echo, meta: { next_token: echo } },
      {
        link: `<http://127.0.0.1/next?token=${encodeURIComponent(echo)}>; rel="next"`,
      },
    )(req, res, echo),
  'a non-JSON 200 whose token crosses the 40-character cut': (_req, res, echo) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`${'x'.repeat(25)}${echo}`);
  },
  'an HTML error page whose token crosses the 200-character cut': (_req, res, echo) => {
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end(`<html><body>${'y'.repeat(170)} ${echo}</body></html>`);
  },
  'a reason phrase echoing the token': (_req, res, echo) => {
    res.writeHead(400, echo.replace(/[^\x21-\x7e ]/g, '').slice(0, 200), { 'content-type': 'text/plain' });
    res.end('no');
  },
  // X answers 200 with errors[] for an account it will not show, and for a follow it leaves out.
  "a 200 with errors[] echoing the token (X's partial answers)": (req, res, echo) => {
    const following = /\/following/.test(req.url ?? '');
    const user = {
      id: '1001',
      username: 'examplecitydsa',
      name: echo,
      public_metrics: { following_count: 2 },
    };
    json(
      200,
      following
        ? {
            data: [{ id: '2', username: 'x', name: echo }],
            meta: { result_count: 1 },
            errors: [{ title: echo, detail: echo, type: echo }],
          }
        : /\/users\/by\/username/.test(req.url ?? '')
          ? { data: user }
          : { errors: [{ title: echo, detail: echo }] },
    )(req, res, echo);
  },
  'a 200 with errors[] and no data (X has no account)': (req, res, echo) =>
    json(200, {
      errors: [{ title: echo, detail: echo, type: 'https://api.twitter.com/2/problems/resource-not-found' }],
    })(req, res, echo),
  'a dropped connection': (req) => req.socket.destroy(),
};

let fault: Fault = FAULTS['a 400 echoing the token']!;
let base = '';
const server = createServer((req, res) => {
  const sent = [req.headers.authorization, req.headers['x-goog-api-key'], req.headers['client-id'], req.url]
    .filter(Boolean)
    .join(' ');
  fault(req, res, echoForms(sent));
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const LIVE: [Platform, string][] = [
  ['x', 'examplecitydsa'],
  ['bluesky', 'examplecitydsa.example.org'],
  ['mastodon', 'examplecitydsa@social.example.org'],
  ['youtube', 'examplecitydsa'],
  ['twitch', 'examplecitydsa'],
];

describe('no token in any output of any adapter error path', () => {
  for (const [platform, handle] of LIVE) {
    for (const [name, reply] of Object.entries(FAULTS)) {
      it(`${platform}: ${name}`, async () => {
        fault = reply;
        const context = liveContext(platform, handle, {
          apiUrl: base,
          env: TOKENS,
          maxWaitSeconds: 0,
          maxCostUsd: 1000,
          now: () => new Date(),
        });
        let seen: string;
        try {
          const result = await adapters[platform].fetchFollowing!(context);
          seen = JSON.stringify(result);
        } catch (error) {
          seen = `${(error as Error).message}\n${(error as Error).stack}`;
        }
        seen += `\n${context.messages.join('\n')}`;
        expect(tokenRuns(seen)).toEqual([]);
      });
    }
  }
});
