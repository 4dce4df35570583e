// YouTube's subscriptions of a channel: channels.list?forHandle= for the channel id, then
// subscriptions.list, 50 a page. The key goes in the X-Goog-Api-Key header rather than in the
// URL, which may end up in logs (cloud.google.com/apis/docs/system-parameters).
// https://developers.google.com/youtube/v3/docs/subscriptions/list
import { SourceError } from '../../errors.js';
import type { Followed } from '../../model.js';
import { type ApiClient, ApiError, apiUrl, createClient, unexpectedShape } from '../../net/http.js';
import { noReset } from '../../net/rate-limit.js';
import { missingEnv, missingEnvMessage, notFetched } from '../live.js';
import { fetchPagedList } from '../paged-fetch.js';
import type { LiveContext, LiveResult, ParsedRef } from '../types.js';

const GOOGLE_APIS = 'https://www.googleapis.com';
const TAKEOUT =
  'use the Google Takeout export instead (takeout.google.com › YouTube and YouTube Music › subscriptions.csv) as source:';

interface Subscription {
  snippet?: { title?: string; publishedAt?: string; resourceId?: { channelId?: string } };
}

function clientFor(context: LiveContext): ApiClient | string {
  const missing = missingEnv(context, ['YOUTUBE_API_KEY']);
  if (missing.length)
    return missingEnvMessage(missing, 'a YouTube Data API v3 key from console.cloud.google.com');
  const key = context.env.YOUTUBE_API_KEY!.trim();
  return createClient(context, {
    label: 'YouTube',
    resetWait: noReset,
    headers: { 'x-goog-api-key': key },
    secrets: [key],
  });
}

export async function fetchFollowing(context: LiveContext): Promise<LiveResult> {
  const client = clientFor(context);
  if (typeof client === 'string') return notFetched(context, client);
  const base = context.account.apiUrl ?? GOOGLE_APIS;
  let channelId = context.account.id;
  try {
    channelId ??=
      (await channels(client, base, { part: 'id', forHandle: `@${context.account.handle}` }))[0]?.id ?? null;
  } catch (error) {
    return notFetched(context, explain(error));
  }
  if (!channelId) return notFetched(context, `no YouTube channel has the handle @${context.account.handle}`);

  return fetchPagedList(context, {
    label: 'YouTube',
    what: 'subscriptions',
    owner: channelId,
    shortHint: `the list changed while it was fetched, or YouTube left some channels out: run again, or ${TAKEOUT}`,
    fetchPage: async (pageToken) => {
      const query = { part: 'snippet', channelId: channelId!, maxResults: '50', pageToken };
      const { data } = await client.getJson(apiUrl(base, '/youtube/v3/subscriptions', query));
      const body = data as {
        items?: Subscription[];
        nextPageToken?: unknown;
        pageInfo?: { totalResults?: unknown };
      };
      if (!Array.isArray(body.items)) throw unexpectedShape('YouTube', 'subscriptions.list');
      const next = typeof body.nextPageToken === 'string' ? body.nextPageToken : null;
      const items = body.items.map(followedOf).filter((f): f is Followed => f !== null);
      const total = body.pageInfo?.totalResults;
      return { items, next, total: typeof total === 'number' ? total : null };
    },
    explain,
  });
}

function followedOf(item: Subscription): Followed | null {
  const id = item?.snippet?.resourceId?.channelId;
  if (typeof id !== 'string') return null;
  return {
    id,
    handle: null,
    name: item.snippet?.title?.trim() || null,
    url: `https://www.youtube.com/channel/${id}`,
    followedAt: item.snippet?.publishedAt ?? null,
  };
}

/** The reasons YouTube gives in error.errors[].reason, in words a volunteer can act on. */
function explain(error: unknown): string {
  if (!(error instanceof ApiError)) throw error;
  const reasons = (
    (error.body as { error?: { errors?: { reason?: string }[] } } | null)?.error?.errors ?? []
  ).map((e) => e?.reason);
  if (reasons.includes('subscriptionForbidden'))
    return `the channel hides its subscriptions from the API (YouTube › Settings › Privacy › "Keep all my subscriptions private"): make them public, or ${TAKEOUT}`;
  if (reasons.includes('quotaExceeded') || reasons.includes('dailyLimitExceeded'))
    return `the YouTube Data API quota of YOUTUBE_API_KEY's project is used up for today (it resets at midnight Pacific time): run again tomorrow, or ${TAKEOUT}`;
  if (reasons.includes('keyInvalid') || (reasons.includes('badRequest') && /API key/i.test(error.message)))
    return 'YOUTUBE_API_KEY is not a valid API key: create one with the YouTube Data API v3 enabled';
  return error.message;
}

interface Channel {
  id: string;
  snippet?: { customUrl?: string };
}

async function channels(client: ApiClient, base: string, query: Record<string, string>): Promise<Channel[]> {
  const { data } = await client.getJson(
    apiUrl(base, '/youtube/v3/channels', { part: 'id,snippet', ...query }),
  );
  const items = (data as { items?: unknown }).items ?? [];
  if (!Array.isArray(items)) throw unexpectedShape('YouTube', 'channels.list');
  return items.filter((c): c is Channel => typeof (c as Channel)?.id === 'string');
}

/** Channel ids for handles (one call each), handles for channel ids (50 a call). */
export async function lookup(refs: ParsedRef[], context: LiveContext): Promise<ParsedRef[]> {
  const client = clientFor(context);
  if (typeof client === 'string') throw new SourceError(client);
  const base = context.account.apiUrl ?? GOOGLE_APIS;
  const found: Channel[] = [];
  const ids = refs.flatMap((r) => (r.id ? [r.id] : []));
  for (let i = 0; i < ids.length; i += 50)
    found.push(...(await channels(client, base, { id: ids.slice(i, i + 50).join(',') })));
  for (const ref of refs) {
    if (!ref.id && ref.handle) found.push(...(await channels(client, base, { forHandle: `@${ref.handle}` })));
  }
  return found.map((c) => ({ id: c.id, handle: c.snippet?.customUrl?.replace(/^@/, '') ?? null }));
}
