import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, createClient } from '../../src/net/http.js';
import { blueskyReset, mastodonReset, retryAfter, twitchReset } from '../../src/net/rate-limit.js';
import { type ApiServer, startApiServer } from '../helpers/api-server.js';
import { liveContext, NOW, unixAfter } from '../helpers/live.js';

const TOKEN = 'sample-secret-token-0123456789';
let server: ApiServer;
afterEach(() => server?.close());

async function clientOn(routes: Parameters<typeof startApiServer>[0], maxWaitSeconds = 900) {
  server = await startApiServer(routes);
  const context = liveContext('twitch', 'examplecitydsa', { apiUrl: server.url, maxWaitSeconds });
  const client = createClient(context, {
    label: 'Twitch',
    resetWait: twitchReset,
    headers: { authorization: `Bearer ${TOKEN}` },
    retries: 2,
  });
  return { client, context };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected the request to fail'),
    (error: unknown) => error as ApiError,
  );

describe('the HTTP layer', () => {
  it('retries a 5xx answer with growing waits, then succeeds', async () => {
    const { client, context } = await clientOn({ '/x': () => ({ body: { ok: true } }) });
    server.queue('/x', { status: 502 }, { status: 503, body: 'busy' });
    expect((await client.getJson(`${server.url}/x`)).data).toEqual({ ok: true });
    expect(server.received).toHaveLength(3);
    expect(context.slept).toHaveLength(2);
    expect(context.slept[1]!).toBeGreaterThanOrEqual(context.slept[0]!);
  });

  it('gives up after a bounded number of 5xx answers', async () => {
    const { client } = await clientOn({ '/x': () => ({ status: 500, body: { error: 'Internal' } }) });
    const error = await failure(client.getJson(`${server.url}/x`));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('status');
    expect(error.message).toContain('500');
    expect(server.received).toHaveLength(3);
  });

  it('retries network errors and then reports them', async () => {
    const { client, context } = await clientOn({});
    const closed = server.url;
    await server.close();
    const error = await failure(client.getJson(`${closed}/x`));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/could not be reached .* after 3 tries/);
    expect(context.slept).toHaveLength(2);
  });

  it('times out a request that gets no answer', async () => {
    const hanging = createServer(() => {});
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/slow`;
    const context = liveContext('twitch', 'examplecitydsa', { apiUrl: url });
    const client = createClient(context, {
      label: 'Twitch',
      resetWait: twitchReset,
      timeoutMs: 50,
      retries: 1,
    });
    const error = await failure(client.getJson(url));
    hanging.closeAllConnections();
    hanging.close();
    expect(error.kind).toBe('network');
    expect(error.message).toContain('no answer within 0.05s');
  });

  it('waits out a 429 by the reset header with a countdown, then continues', async () => {
    const { client, context } = await clientOn({ '/x': () => ({ body: [1] }) });
    server.queue('/x', { status: 429, headers: { 'ratelimit-reset': unixAfter(5) } });
    expect((await client.getJson(`${server.url}/x`)).data).toEqual([1]);
    expect(context.slept.reduce((a, b) => a + b, 0)).toBe(5000);
    expect(context.messages).toContain('chapter-twitch: rate limited, continuing in 5s');
  });

  it('gives up on a 429 whose reset is beyond --max-wait', async () => {
    const { client, context } = await clientOn({}, 60);
    server.queue('/x', { status: 429, headers: { 'retry-after': '3600' } });
    const error = await failure(client.getJson(`${server.url}/x`));
    expect(error.kind).toBe('rate-limit');
    expect(error.message).toContain('3600s, longer than --max-wait 60s');
    expect(context.slept).toEqual([]);
  });

  it('reports malformed JSON as such', async () => {
    const { client } = await clientOn({ '/x': () => ({ body: '{"data": [' }) });
    const error = await failure(client.getJson(`${server.url}/x`));
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('malformed JSON');
  });

  it('never puts a token into a message, even when the server echoes it', async () => {
    const { client } = await clientOn({
      '/x': (_url, r) => ({ status: 401, body: { message: `bad token ${r.headers.authorization}` } }),
    });
    const error = await failure(client.getJson(`${server.url}/x?key=${TOKEN}`));
    expect(error.message).toContain('401');
    expect(error.message).toContain('[redacted]');
    expect(error.message).not.toContain(TOKEN);
    expect(JSON.stringify(error.body)).not.toContain(TOKEN);
  });
});

describe('rate-limit reset headers', () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  it('reads unix seconds (Bluesky, Twitch), ISO-8601 (Mastodon) and Retry-After', () => {
    expect(blueskyReset(headers({ 'RateLimit-Reset': unixAfter(30) }), NOW)).toBe(30);
    expect(twitchReset(headers({ 'Ratelimit-Reset': unixAfter(-5) }), NOW)).toBe(0);
    expect(mastodonReset(headers({ 'X-RateLimit-Reset': '2026-11-21T08:05:00.000000Z' }), NOW)).toBe(300);
    expect(retryAfter(headers({ 'Retry-After': '120' }), NOW)).toBe(120);
    expect(retryAfter(headers({ 'Retry-After': 'Sat, 21 Nov 2026 08:01:00 GMT' }), NOW)).toBe(60);
    expect(mastodonReset(headers({}), NOW)).toBeNull();
  });
});
