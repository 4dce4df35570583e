// Twitch's followed channels: helix/users?login= for the user id, then helix/channels/followed,
// 100 a page, `after` cursor. Needs a user token of that very account with user:read:follows.
// https://dev.twitch.tv/docs/api/reference/#get-followed-channels
import { SourceError } from '../../errors.js';
import type { Followed } from '../../model.js';
import { type ApiClient, ApiError, apiUrl, createClient, unexpectedShape } from '../../net/http.js';
import { twitchReset } from '../../net/rate-limit.js';
import { missingEnv, missingEnvMessage, notFetched } from '../live.js';
import { fetchPagedList } from '../paged-fetch.js';
import type { LiveContext, LiveResult, ParsedRef } from '../types.js';

const HELIX = 'https://api.twitch.tv';
const CREDENTIALS = ['TWITCH_CLIENT_ID', 'TWITCH_TOKEN'] as const;

interface User {
  id: string;
  login: string;
}

interface FollowedChannel {
  broadcaster_id?: string;
  broadcaster_login?: string;
  broadcaster_name?: string;
  followed_at?: string;
}

function clientFor(context: LiveContext): ApiClient | string {
  const missing = missingEnv(context, CREDENTIALS);
  if (missing.length)
    return missingEnvMessage(
      missing,
      "a Twitch app's client id and a user token of this account with scope user:read:follows",
    );
  const [clientId, token] = CREDENTIALS.map((name) => context.env[name]!.trim());
  return createClient(context, {
    label: 'Twitch',
    resetWait: twitchReset,
    headers: { 'client-id': clientId!, authorization: `Bearer ${token}` },
    secrets: [token, clientId],
  });
}

export async function fetchFollowing(context: LiveContext): Promise<LiveResult> {
  const client = clientFor(context);
  if (typeof client === 'string') return notFetched(context, client);
  const base = context.account.apiUrl ?? HELIX;
  let userId = context.account.id;
  try {
    userId ??= (await users(client, base, { login: [context.account.handle] }))[0]?.id ?? null;
  } catch (error) {
    return notFetched(context, explain(error));
  }
  if (!userId) return notFetched(context, `no Twitch user has the login ${context.account.handle}`);

  return fetchPagedList(context, {
    label: 'Twitch',
    what: 'followed channels',
    owner: userId,
    shortHint:
      'the list changed while it was fetched, or Twitch left some channels out: run again, and if the gap stays, compare with the Following page of the Twitch app',
    fetchPage: async (after) => {
      const query = { user_id: userId!, first: '100', after };
      const { data } = await client.getJson(apiUrl(base, '/helix/channels/followed', query));
      const body = data as { data?: FollowedChannel[]; total?: unknown; pagination?: { cursor?: unknown } };
      if (!Array.isArray(body.data)) throw unexpectedShape('Twitch', 'channels/followed');
      const next = typeof body.pagination?.cursor === 'string' ? body.pagination.cursor : null;
      const items = body.data.map(followedOf).filter((f): f is Followed => f !== null);
      return { items, next, total: typeof body.total === 'number' ? body.total : null };
    },
    explain,
  });
}

function followedOf(channel: FollowedChannel): Followed | null {
  if (typeof channel?.broadcaster_id !== 'string') return null;
  const login = channel.broadcaster_login ?? null;
  return {
    id: channel.broadcaster_id,
    handle: login,
    name: channel.broadcaster_name?.trim() || null,
    url: login ? `https://www.twitch.tv/${login}` : null,
    followedAt: channel.followed_at ?? null,
  };
}

function explain(error: unknown): string {
  if (!(error instanceof ApiError)) throw error;
  if (error.status === 401)
    return `Twitch refused TWITCH_TOKEN (${error.message}): it must be a valid user token of this account, issued to TWITCH_CLIENT_ID, with scope user:read:follows`;
  if (error.status === 403)
    return `Twitch refused the request (${error.message}): TWITCH_TOKEN must belong to this very account and carry scope user:read:follows`;
  return error.message;
}

async function users(client: ApiClient, base: string, query: Record<string, string[]>): Promise<User[]> {
  const { data } = await client.getJson(apiUrl(base, '/helix/users', query));
  const list = (data as { data?: unknown }).data;
  if (!Array.isArray(list)) throw unexpectedShape('Twitch', 'users');
  return list.filter(
    (u): u is User => typeof (u as User)?.id === 'string' && typeof (u as User)?.login === 'string',
  );
}

/** User ids for logins and logins for ids, 100 references a call. */
export async function lookup(refs: ParsedRef[], context: LiveContext): Promise<ParsedRef[]> {
  const client = clientFor(context);
  if (typeof client === 'string') throw new SourceError(client);
  const base = context.account.apiUrl ?? HELIX;
  const found: User[] = [];
  for (let i = 0; i < refs.length; i += 100) {
    const chunk = refs.slice(i, i + 100);
    const id = chunk.flatMap((r) => (r.id ? [r.id] : []));
    const login = chunk.flatMap((r) => (!r.id && r.handle ? [r.handle] : []));
    found.push(...(await users(client, base, { id, login })));
  }
  return found.map((u) => ({ id: u.id, handle: u.login }));
}
