import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** JSON-encoded unless a string. */
  body?: unknown;
}

export interface Received {
  url: URL;
  headers: IncomingHttpHeaders;
}

export type Route = (url: URL, received: Received) => Reply;

export interface ApiServer {
  url: string;
  received: Received[];
  /**
   * Answers the next calls to `path` with these replies, in order, before the route's own;
   * `null` lets the route answer that call as usual.
   */
  queue(path: string, ...replies: (Reply | null)[]): void;
  close(): Promise<void>;
}

/**
 * A local emulation of a documented API on 127.0.0.1: routes by path, faults queued per path;
 * `otherwise` answers the paths no route names (by default a 404).
 */
export async function startApiServer(routes: Record<string, Route>, otherwise?: Route): Promise<ApiServer> {
  const received: Received[] = [];
  const queued = new Map<string, (Reply | null)[]>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const call = { url, headers: req.headers };
    received.push(call);
    const route = routes[url.pathname] ?? otherwise;
    const reply = queued.get(url.pathname)?.shift() ??
      route?.(url, call) ?? { status: 404, body: { error: 'NotFound', message: `no route ${url.pathname}` } };
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? null);
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    queue: (path, ...replies) => queued.set(path, [...(queued.get(path) ?? []), ...replies]),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Items `offset..offset+limit` of `all`, with the next offset as the cursor. */
export function slice<T>(
  all: T[],
  cursor: string | null,
  limit: number,
): { items: T[]; next: string | null } {
  const offset = Number(cursor ?? 0);
  const end = offset + limit;
  return { items: all.slice(offset, end), next: end < all.length ? String(end) : null };
}
