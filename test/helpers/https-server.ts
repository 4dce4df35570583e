// A local https server with the test certificate under test/fixtures/shared/tls (a CA made for
// these tests only, its key thrown away), and a fetch that trusts that CA and nothing else more:
// the product code never turns certificate checks off, tests hand it this fetch instead.
import { readFileSync } from 'node:fs';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const TLS = fileURLToPath(new URL('../fixtures/shared/tls/', import.meta.url));
/** The test CA, as NODE_EXTRA_CA_CERTS takes it for a CLI run. */
export const TEST_CA_FILE = `${TLS}ca.pem`;
const CA = readFileSync(TEST_CA_FILE);

export interface FileReply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface HttpsServer {
  /** https://127.0.0.1:<port> */
  url: string;
  /** What each path answers; change it between calls. */
  routes: Record<string, FileReply>;
  requests: string[];
  close(): Promise<void>;
}

export async function startHttpsServer(routes: Record<string, FileReply> = {}): Promise<HttpsServer> {
  const requests: string[] = [];
  const server = createServer(
    { key: readFileSync(`${TLS}server-key.pem`), cert: readFileSync(`${TLS}server.pem`) },
    (req, res) => {
      const path = new URL(req.url ?? '/', 'https://127.0.0.1').pathname;
      requests.push(path);
      const reply = state.routes[path] ?? { status: 404, body: 'not found' };
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/yaml', ...reply.headers });
      res.end(reply.body ?? '');
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const state: HttpsServer = {
    url: `https://127.0.0.1:${port}`,
    routes,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return state;
}

/**
 * fetch for this machine only, trusting the test CA. Like fetch with redirect: 'manual', it hands
 * back a redirect as it came, for the caller to judge.
 */
export const trustingFetch: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname !== '127.0.0.1')
    return Promise.reject(new Error(`test tried to reach the network: ${url.origin}`));
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { ca: CA, headers: init?.headers as Record<string, string>, signal: init?.signal ?? undefined },
      (res) => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v);
        const status = res.statusCode ?? 500;
        const body = [204, 304].includes(status)
          ? null
          : new ReadableStream<Uint8Array>({
              start(controller) {
                res.on('data', (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
                res.on('end', () => controller.close());
                res.on('error', (error) => controller.error(error));
              },
              cancel() {
                res.removeAllListeners('data');
                res.destroy();
              },
            });
        resolve(new Response(body, { status, statusText: res.statusMessage ?? '', headers }));
      },
    );
    req.on('error', reject);
    req.end();
  });
};
