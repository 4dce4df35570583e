// A local emulation of the documented X API v2 endpoints follow-audit uses, on 127.0.0.1. Like X, it
// counts suspended accounts in public_metrics.following_count but leaves them out of the list.
// https://docs.x.com/x-api/users/get-following · https://docs.x.com/x-api/fundamentals/rate-limits
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EmulatedUser {
  id: string;
  username: string;
  name: string;
  follows?: string[];
  protected?: boolean;
  /** Answer lookups without public_metrics, as a minimal emulation might. */
  noCount?: boolean;
  /** Left out of following lists, yet counted in following_count, as X does. */
  suspended?: boolean;
}

/** What one /following request answers instead of the normal page. */
export type Fault =
  | { status: number; reset?: number; body?: string }
  | { remaining: number; reset: number }
  | 'malformed'
  | 'drop';

export interface XEmulation {
  users: EmulatedUser[];
  token: string;
  /** Users per page (the emulation's own max_results). */
  pageSize?: number;
  /** Consumed in order by the /following requests; an absent one answers normally. */
  faults?: (Fault | undefined)[];
}

export interface XServer {
  url: string;
  requests: { path: string; query: URLSearchParams; authorized: boolean }[];
  close(): Promise<void>;
}

export async function startXServer(emulation: XEmulation): Promise<XServer> {
  const requests: XServer['requests'] = [];
  const faults = [...(emulation.faults ?? [])];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const authorized = req.headers.authorization === `Bearer ${emulation.token}`;
    requests.push({ path: url.pathname, query: url.searchParams, authorized });
    if (!authorized) return send(res, 401, { title: 'Unauthorized', type: 'about:blank', status: 401 });
    const following = /^\/2\/users\/(\d+)\/following$/.exec(url.pathname);
    if (following) return answerFollowing(emulation, faults.shift(), following[1]!, url, req, res);
    return answerLookup(emulation, url, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const inAWhile = () => Math.floor(Date.now() / 1000) + 900;

function send(res: ServerResponse, status: number, body: unknown, remaining = 14, reset = inAWhile()) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-rate-limit-limit': '15',
    'x-rate-limit-remaining': String(remaining),
    'x-rate-limit-reset': String(reset),
  });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function profile(user: EmulatedUser) {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    ...(user.noCount
      ? {}
      : { public_metrics: { following_count: user.follows?.length ?? 0, followers_count: 3 } }),
    protected: !!user.protected,
  };
}

function notFound(value: string, parameter: string) {
  return {
    value,
    detail: `Could not find user with ${parameter}: [${value}].`,
    title: 'Not Found Error',
    resource_type: 'user',
    parameter,
    type: 'https://api.x.com/2/problems/resource-not-found',
  };
}

function answerLookup(emulation: XEmulation, url: URL, res: ServerResponse) {
  const byName = (n: string) => emulation.users.find((u) => u.username.toLowerCase() === n.toLowerCase());
  const byId = (id: string) => emulation.users.find((u) => u.id === id);
  const many = (values: string[], find: typeof byId, parameter: string) => {
    const data = values.map(find).filter((u) => u !== undefined);
    const errors = values.filter((v) => !find(v)).map((v) => notFound(v, parameter));
    return {
      ...(data.length ? { data: data.map((u) => profile(u)) } : {}),
      ...(errors.length ? { errors } : {}),
    };
  };
  const one = (value: string, user: EmulatedUser | undefined, parameter: string) =>
    send(res, 200, user ? { data: profile(user) } : { errors: [notFound(value, parameter)] });
  let m = /^\/2\/users\/by\/username\/([^/]+)$/.exec(url.pathname);
  if (m) return one(m[1]!, byName(m[1]!), 'username');
  m = /^\/2\/users\/(\d+)$/.exec(url.pathname);
  if (m) return one(m[1]!, byId(m[1]!), 'id');
  if (url.pathname === '/2/users/by')
    return send(res, 200, many(url.searchParams.get('usernames')!.split(','), byName, 'usernames'));
  if (url.pathname === '/2/users')
    return send(res, 200, many(url.searchParams.get('ids')!.split(','), byId, 'ids'));
  return send(res, 404, { title: 'Not Found Error', type: 'about:blank', status: 404 });
}

function answerFollowing(
  emulation: XEmulation,
  fault: Fault | undefined,
  id: string,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
) {
  if (fault === 'drop') return req.socket.destroy();
  if (fault === 'malformed') return send(res, 200, '{"data":[{"id":"1","username":');
  if (fault && 'status' in fault)
    return send(
      res,
      fault.status,
      fault.body ?? { title: 'Service Unavailable', type: 'about:blank' },
      0,
      fault.reset,
    );
  const user = emulation.users.find((u) => u.id === id);
  if (!user) return send(res, 200, { errors: [notFound(id, 'id')] });
  if (user.protected) {
    return send(res, 200, {
      errors: [
        {
          title: 'Authorization Error',
          detail: `Sorry, you are not authorized to see the user with id: [${id}].`,
          type: 'https://api.x.com/2/problems/not-authorized-for-resource',
          resource_type: 'user',
          parameter: 'id',
        },
      ],
    });
  }
  const size = Math.min(Number(url.searchParams.get('max_results') ?? 100), emulation.pageSize ?? 1000);
  const start = Number(/^next_(\d+)_/.exec(url.searchParams.get('pagination_token') ?? '')?.[1] ?? 0);
  const all = (user.follows ?? [])
    .map((f) => emulation.users.find((u) => u.id === f)!)
    .filter((u) => !u.suspended);
  const page = all.slice(start, start + size);
  const next = start + size < all.length ? `next_${start + size}_00000000000000` : undefined;
  const body = {
    ...(page.length ? { data: page.map((u) => ({ id: u.id, name: u.name, username: u.username })) } : {}),
    meta: { result_count: page.length, ...(next ? { next_token: next } : {}) },
  };
  return fault && 'remaining' in fault
    ? send(res, 200, body, fault.remaining, fault.reset)
    : send(res, 200, body);
}
