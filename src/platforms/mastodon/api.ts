// Mastodon's following list: accounts/lookup, then accounts/:id/following, 80 a page, paged by
// the Link header. A hidden network is answered 200 [] (following_accounts_controller.rb), so an
// empty answer is checked against hide_collections and following_count before it is believed.
// https://docs.joinmastodon.org/methods/accounts/#following
import type { Followed } from '../../model.js';
import { type ApiClient, ApiError, apiUrl, createClient, unexpectedShape } from '../../net/http.js';
import { mastodonReset } from '../../net/rate-limit.js';
import { notFetched } from '../live.js';
import { fetchPagedList } from '../paged-fetch.js';
import type { LiveContext, LiveResult } from '../types.js';
import { instanceOf, onInstance } from './profile.js';

interface Account {
  id: string;
  acct: string;
  url?: string | null;
  uri?: string | null;
  display_name?: string | null;
  hide_collections?: boolean | null;
  following_count?: number | null;
}

const isAccount = (v: unknown): v is Account =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Account).id === 'string' &&
  typeof (v as Account).acct === 'string';

export async function fetchFollowing(context: LiveContext): Promise<LiveResult> {
  const handle = context.account.handle;
  const instance = instanceOf(handle);
  const base = context.account.apiUrl ?? `https://${instance}`;
  const token = context.env.MASTODON_TOKEN?.trim() || null;
  const client = createClient(context, {
    label: 'Mastodon',
    resetWait: mastodonReset,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    secrets: [token ?? undefined],
  });
  let account: Account;
  try {
    account = await lookupAccount(client, base, handle);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return notFetched(
      context,
      error.status === 404 ? `${instance} knows no account @${handle}` : error.message,
    );
  }
  const owner = token !== null && (await isOwner(client, base, account.id));
  if (account.hide_collections && !owner) return notFetched(context, hiddenMessage(token !== null));

  const first = apiUrl(base, `/api/v1/accounts/${encodeURIComponent(account.id)}/following`, { limit: '80' });
  const foreignToken = token !== null && !owner;
  return fetchPagedList(context, {
    label: 'Mastodon',
    what: 'following',
    owner: account.id,
    count: account.following_count ?? null,
    // Older servers send no hide_collections: an empty answer to a counted list is a hidden one.
    shortHint: (listed) =>
      listed === 0 && !owner
        ? `the list is hidden from this client. ${hiddenMessage(token !== null)}`
        : foreignToken
          ? FOREIGN_TOKEN
          : SHORT,
    fetchPage: async (cursor) => {
      // The next link is followed on our own host only: the token must never go to another one.
      const url = cursor ? `${new URL(base).origin}/${cursor.replace(/^\/+/, '')}` : first;
      const { data, headers } = await client.getJson(url);
      if (!Array.isArray(data) || !data.every(isAccount))
        throw unexpectedShape('Mastodon', 'the following list');
      return { items: data.map((a) => followedOf(a, instance)), next: nextLink(headers.get('link')) };
    },
  });
}

const EXPORT = 'the Mastodon export (Preferences › Import and export › Data export › Follows)';
const SHORT = `the server that answered knows only part of the list (is api_url another server than the account's own?) or the list changed during the fetch: run again, or use ${EXPORT}`;
const FOREIGN_TOKEN = `MASTODON_TOKEN belongs to another account, and the server leaves out the accounts that one blocks or mutes: use a token of this account or none, or use ${EXPORT}`;

function hiddenMessage(tokenGiven: boolean): string {
  return tokenGiven
    ? 'The account hides whom it follows, and MASTODON_TOKEN is not a token of this account: set it to a token of this account (scope read:accounts), or use the Mastodon export.'
    : `The account hides whom it follows: set MASTODON_TOKEN to a token of this account (scope read:accounts), or use ${EXPORT}.`;
}

async function lookupAccount(client: ApiClient, base: string, handle: string): Promise<Account> {
  const { data } = await client.getJson(apiUrl(base, '/api/v1/accounts/lookup', { acct: handle }));
  if (!isAccount(data)) throw unexpectedShape('Mastodon', 'accounts/lookup');
  return data;
}

/** Whether MASTODON_TOKEN belongs to the audited account, which may then see its hidden list. */
async function isOwner(client: ApiClient, base: string, id: string): Promise<boolean> {
  try {
    const { data } = await client.getJson(apiUrl(base, '/api/v1/accounts/verify_credentials'));
    return isAccount(data) && data.id === id;
  } catch (error) {
    if (error instanceof ApiError && error.kind === 'status') return false;
    throw error;
  }
}

/** Local accounts come as "user": qualify them with the instance, so handles match (docs/matching.md). */
export function followedOf(account: Account, instance: string): Followed {
  return {
    id: null,
    handle: onInstance(account.acct, instance),
    name: account.display_name?.trim() || null,
    url: account.url ?? account.uri ?? null,
  };
}

/** The path and query of the Link header's rel="next" target (RFC 8288). */
export function nextLink(header: string | null): string | null {
  for (const part of header?.split(',') ?? []) {
    const m = /<([^>]+)>\s*;(.*)/.exec(part.trim());
    if (m && /\brel="?next"?/.test(m[2]!)) {
      const url = new URL(m[1]!, 'http://placeholder.invalid');
      return url.pathname + url.search;
    }
  }
  return null;
}
