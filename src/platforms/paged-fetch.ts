import type { Followed } from '../model.js';
import { ApiError } from '../net/http.js';
import { collectPages, type Page, pageStateOf } from '../net/pages.js';
import { distinct, shortOfCount } from './count.js';
import { resumeCursor, saveCursor } from './cursor.js';
import { isFollowed, liveResult, resumeNote } from './live.js';
import type { LiveContext, LiveResult } from './types.js';

/** One page of a following list, with the count the platform states next to it, if it does. */
export interface CountedPage extends Page<Followed> {
  total?: number | null;
}

export interface PagedList {
  /** The platform, as people write it. */
  label: string;
  /** What is fetched, for progress and messages: "following", "subscriptions". */
  what: string;
  /** The audited account's id on the platform: a saved cursor is continued only for it. */
  owner: string;
  /** The following count the platform stated before the list, if it did (else the pages' totals). */
  count?: number | null;
  /** What to do about a list shorter than its count, in words a volunteer can act on. */
  shortHint: string | ((listed: number) => string);
  fetchPage(cursor: string | null): Promise<CountedPage>;
  explain?(error: ApiError): string;
}

/**
 * A following list that is one paged API call: fetched page by page, from where an earlier run of
 * the same account stopped less than a day ago, and checked against the count the platform states.
 */
export async function fetchPagedList(context: LiveContext, paged: PagedList): Promise<LiveResult> {
  const resumed = resumeCursor(context, paged.owner, (state) => pageStateOf(state, isFollowed));
  const saved = resumed.state;
  let total = paged.count ?? null;
  const result = await collectPages(
    context,
    paged.what,
    saved ?? { cursor: null, items: [] },
    async (cursor) => {
      try {
        const page = await paged.fetchPage(cursor);
        if (typeof page.total === 'number') total = page.total;
        return page;
      } catch (error) {
        if (!(error instanceof ApiError) || !paged.explain) throw error;
        throw new ApiError(paged.explain(error), error.kind, error.status, error.body);
      }
    },
  );
  const following = distinct(result.items);
  const notes = [...resumed.notes, ...(saved ? [resumeNote(saved.items.length)] : [])];
  const hint = typeof paged.shortHint === 'string' ? paged.shortHint : paged.shortHint(following.length);
  const short = result.complete ? shortOfCount(following.length, total, paged.label, hint) : null;
  const resume = result.resume ? saveCursor(context, paged.owner, result.resume) : null;
  return liveResult(context, {
    following,
    complete: result.complete && short === null,
    error: short ?? result.error,
    notes,
    resume,
  });
}
