import type { Followed } from '../model.js';
import { ApiError } from '../net/http.js';
import { collectPages, type Page, pageStateOf } from '../net/pages.js';
import { isFollowed, liveResult, resumeNote } from './live.js';
import type { LiveContext, LiveResult } from './types.js';

/**
 * A following list that is one paged API call: fetched page by page from where an earlier run
 * stopped (LiveContext.resume), its failures worded by `explain`.
 */
export async function fetchPagedList(
  context: LiveContext,
  what: string,
  fetchPage: (cursor: string | null) => Promise<Page<Followed>>,
  explain: (error: ApiError) => string = (error) => error.message,
): Promise<LiveResult> {
  const saved = pageStateOf(context.resume, isFollowed);
  const paged = await collectPages(context, what, saved ?? { cursor: null, items: [] }, async (cursor) => {
    try {
      return await fetchPage(cursor);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      throw new ApiError(explain(error), error.kind, error.status, error.body);
    }
  });
  const { items: following, complete, error, resume } = paged;
  const notes = saved ? [resumeNote(saved.items.length)] : [];
  return liveResult(context, { following, complete, error, notes, resume });
}
