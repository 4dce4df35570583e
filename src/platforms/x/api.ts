// X API v2: GET /2/users/by/username/:username, GET /2/users/:id/following (1000 a page,
// pagination_token), GET /2/users and /2/users/by for lookups (100 at a time).
// https://docs.x.com/x-api/users/get-following · https://docs.x.com/x-api/users/lookup/introduction
import type { UserFollowingV2Paginator, UsersV2Params, UserV2 } from 'twitter-api-v2';
import { SourceError } from '../../errors.js';
import { type Followed, followingList } from '../../model.js';
import { redactDeep } from '../../net/redact.js';
import { plural } from '../../util/text.js';
import { resumeCursor, saveCursor } from '../cursor.js';
import { notFetched } from '../live.js';
import type { LiveContext, LiveResult, ParsedRef } from '../types.js';
import { connectX, type XClient } from './client.js';
import { approveCost, USD_PER_USER, usd } from './cost.js';
import { readXState } from './resume.js';

const PAGE_SIZE = 1000;
const LOOKUP_BATCH = 100;
const PROFILE: Partial<UsersV2Params> = { 'user.fields': ['public_metrics', 'username', 'name'] };

/** Like every adapter, never throws for what X or the setup refused: the list comes back incomplete. */
export async function fetchXFollowing(context: LiveContext): Promise<LiveResult> {
  let started: Started;
  try {
    started = await start(context);
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return notFetched(context, error.message);
  }
  return fetchPages(context, started);
}

type Started = Awaited<ReturnType<typeof start>>;

/** The account found, the cost approved and the earlier fetch to resume, before the first page. */
async function start(context: LiveContext) {
  const client = await connectX(context);
  const user = await findAccount(client, context);
  const resumed = resumeCursor(context, user.id, readXState);
  const total = user.public_metrics?.following_count;
  const following = new Map((resumed.state?.following ?? []).map((f) => [f.id!, f]));
  // Without X's count the cost cannot be shown first: --max-cost then caps the pages fetched.
  const budget = total === undefined ? Math.floor(context.maxCostUsd / USD_PER_USER + 1e-9) : Infinity;
  if (total === undefined && budget < 1)
    throw new SourceError(
      `X did not say how many accounts @${user.username} follows, so the cost cannot be estimated: pass --max-cost <usd> to cap the spending`,
    );
  const notes = [
    ...resumed.notes,
    total === undefined
      ? `X did not say how many accounts @${user.username} follows: fetching at most ${budget} (--max-cost ${usd(context.maxCostUsd)})`
      : await approveCost(
          context,
          `@${user.username} follows ${total}; fetching them`,
          Math.max(0, total - following.size),
        ),
  ];
  if (resumed.state) notes.push(`resumed the incomplete fetch saved ${resumed.savedAt}`);
  return { client, user, total, following, budget, notes, token: resumed.state?.token };
}

async function fetchPages(
  context: LiveContext,
  { client, user, total, following, budget, notes, token: resumedAt }: Started,
): Promise<LiveResult> {
  const { account } = context;
  const result = (error: string | null, token?: string): LiveResult => {
    if (error === null) notes.push(...countGap(total, following.size));
    const list = followingList(account, {
      source: 'api',
      fetchedAt: context.now().toISOString(),
      following: [...following.values()],
      notes,
      incomplete: error,
    });
    const resume = token ? saveCursor(context, user.id, { token, following: list.following }) : undefined;
    // X's own words (errors[] of a 200 page, titles and details) may echo the request.
    return redactDeep({ list, ...(resume ? { resume } : {}) }, client.redact);
  };

  const seen = new Set<string>();
  let token = resumedAt;
  for (let pages = 1; ; pages++) {
    let page: UserFollowingV2Paginator;
    try {
      page = await client.call(`the list @${user.username} follows`, () =>
        client.v2.following(user.id, {
          asPaginator: true,
          max_results: Math.min(PAGE_SIZE, budget - following.size),
          'user.fields': ['username', 'name'],
          ...(token ? { pagination_token: token } : {}),
        }),
      );
    } catch (error) {
      if (error instanceof SourceError) return result(error.message, token);
      throw error;
    }
    const refused = pageProblem(page);
    if (refused) return result(refused, token);
    for (const u of page.users) following.set(u.id, toFollowed(u));
    for (const e of page.errors)
      notes.push(`X left one account out: ${e.detail ?? e.title ?? 'no reason given'}`);
    context.progress(`${account.name}: page ${pages}, ${following.size} of ${total ?? 'an unknown number'}`);
    // `done` is false while X offers another page, also when the rate-limit budget ran out.
    if (page.done) return result(null);
    const next = page.meta.next_token!;
    if (seen.has(next)) return result('X repeated a pagination token: the list may be endless', token);
    seen.add(next);
    token = next;
    if (following.size >= budget)
      return result(`stopped at --max-cost ${usd(context.maxCostUsd)} before the end of the list`, token);
    const { remaining, reset } = page.rateLimit;
    const exhausted = remaining === 0 && reset * 1000 > context.now().getTime();
    if (exhausted && !(await client.waitForReset(reset))) {
      return result(
        `X's rate limit is used up until ${new Date(reset * 1000).toISOString()}, beyond --max-wait ${context.maxWaitSeconds} s: run again later (it resumes where it stopped)`,
        token,
      );
    }
  }
}

/**
 * X leaves suspended accounts out of the list while still counting them: a shorter list is
 * complete, its gap told in numbers (docs/sources.md).
 */
function countGap(total: number | undefined, listed: number): string[] {
  if (total === undefined || listed === total) return [];
  if (listed > total)
    return [`X counts ${total} follows but listed ${listed}: the account followed more during the fetch`];
  return [
    `X counts ${plural(total, 'follow')} but listed ${listed}: ${total - listed} not shown, which X does for suspended accounts (it still counts them)`,
  ];
}

/** Why a page that came back 200 cannot be used, if it cannot. */
function pageProblem(page: UserFollowingV2Paginator): string | null {
  const data = page.data as { data?: unknown; meta?: { result_count?: unknown } } | undefined;
  if (page.errors.length > 0 && !data?.data) {
    const e = page.errors[0]!;
    const protectedHint = /not-authorized/.test(e.type ?? '') ? ' (is the account protected?)' : '';
    return `X refused the list${protectedHint}: ${[e.title, e.detail].filter(Boolean).join(': ')}`;
  }
  if (typeof data?.meta?.result_count !== 'number' || (data.data !== undefined && !Array.isArray(data.data)))
    return 'X answered with a page that has no list and no meta: the answer was malformed';
  return null;
}

async function findAccount(client: XClient, context: LiveContext): Promise<UserV2> {
  const { account } = context;
  const found = await client.call(`looking up @${account.handle}`, () =>
    account.id ? client.v2.user(account.id, PROFILE) : client.v2.userByUsername(account.handle, PROFILE),
  );
  if (!found.data) {
    const e = found.errors?.[0];
    throw new SourceError(
      client.redact(
        `X has no account ${account.id ? `with id ${account.id}` : `@${account.handle}`}${e ? ` (${[e.title, e.detail].filter(Boolean).join(': ')})` : ''}: check handle/id in policy.yaml`,
      ),
    );
  }
  return found.data;
}

function toFollowed(u: UserV2): Followed {
  return { id: u.id, handle: u.username, name: u.name ?? null, url: `https://x.com/${u.username}` };
}

/** Fills in ids for handles and handles for ids, 100 a request; unknown accounts are left out. */
export async function lookupX(refs: ParsedRef[], context: LiveContext): Promise<ParsedRef[]> {
  const byId = [...new Set(refs.filter((r) => r.id && !r.handle).map((r) => r.id!))];
  const byHandle = [...new Set(refs.filter((r) => !r.id && r.handle).map((r) => r.handle!))];
  if (byId.length + byHandle.length === 0) return [];
  const client = await connectX(context);
  await approveCost(context, 'looking accounts up on X', byId.length + byHandle.length);
  const found: ParsedRef[] = [];
  const batches = [
    ...chunks(byId).map((ids) => () => client.v2.users(ids)),
    ...chunks(byHandle).map((names) => () => client.v2.usersByUsernames(names)),
  ];
  for (const request of batches) {
    const answer = await client.call('looking accounts up', request);
    for (const u of answer.data ?? []) found.push({ id: u.id, handle: u.username });
  }
  return found;
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += LOOKUP_BATCH) out.push(items.slice(i, i + LOOKUP_BATCH));
  return out;
}
