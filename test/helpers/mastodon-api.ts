// A local emulation of the Mastodon endpoints follow-audit uses. As on a real server, the list is
// ordered by follow (newest first) and paged by the follow's own id (max_id), so a follow made
// later appears at the head, before any saved cursor; following_count counts every follow, and
// a next link is sent only after a full page (records_continue? in
// https://github.com/mastodon/mastodon/blob/main/app/controllers/api/v1/accounts/following_accounts_controller.rb).
import { type ApiServer, startApiServer } from './api-server.js';

export interface MastodonAccount {
  id: string;
  acct: string;
  url?: string;
  display_name?: string;
}

export interface MastodonEmulation {
  self: MastodonAccount & { hide_collections?: boolean | null };
  /** Followed accounts, newest follow first. */
  follows: MastodonAccount[];
  /** A token of the audited account itself. */
  ownerToken?: string;
  /** Accounts the server leaves out of the answer (another token's blocks and mutes), still counted. */
  leftOut?: string[];
}

export const sampleAccounts = (n: number, from = 0): MastodonAccount[] =>
  Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return {
      id: String(1000 + i),
      acct: i % 2 ? `sample${i}@social.example.org` : `sample${i}`,
      url: `https://mastodon.example.org/@sample${i}`,
      display_name: `Sample ${i}`,
    };
  });

const HOST = 'https://mastodon.example.org';

/** Serves `emulation`, read afresh on every call, so a test can follow someone in between. */
export function startMastodonServer(emulation: MastodonEmulation): Promise<ApiServer> {
  const { self } = emulation;
  const profile = () => ({ ...self, following_count: emulation.follows.length });
  // Follow ids grow with time: the first follow ever made has the lowest.
  const followId = (index: number) => 9000 + emulation.follows.length - index;
  return startApiServer({
    '/api/v1/accounts/lookup': (url) =>
      url.searchParams.get('acct') === `${self.acct}@mastodon.example.org`
        ? { body: profile() }
        : { status: 404, body: { error: 'Record not found' } },
    '/api/v1/accounts/verify_credentials': (_url, r) =>
      r.headers.authorization === `Bearer ${emulation.ownerToken}`
        ? { body: profile() }
        : { body: { id: '7', acct: 'someoneelse' } },
    [`/api/v1/accounts/${self.id}/following`]: (url, r) => {
      const owner = !!emulation.ownerToken && r.headers.authorization === `Bearer ${emulation.ownerToken}`;
      if (self.hide_collections && !owner) return { body: [] };
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 40), 80);
      const maxId = Number(url.searchParams.get('max_id') ?? Number.POSITIVE_INFINITY);
      const page = emulation.follows
        .map((account, i) => ({ account, id: followId(i) }))
        .filter((f) => f.id < maxId)
        .slice(0, limit)
        .filter((f) => !emulation.leftOut?.includes(f.account.id));
      // As on the real server, a page shortened by left-out accounts has no next link.
      const path = `${HOST}/api/v1/accounts/${self.id}/following`;
      const links = [
        ...(page.length === limit ? [`<${path}?limit=${limit}&max_id=${page.at(-1)!.id}>; rel="next"`] : []),
        ...(page.length ? [`<${path}?limit=${limit}&since_id=${page[0]!.id}>; rel="prev"`] : []),
      ];
      const headers: Record<string, string> = links.length ? { link: links.join(', ') } : {};
      return { headers, body: page.map((f) => f.account) };
    },
  });
}
