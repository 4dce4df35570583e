import type { NetContext } from './context.js';
import { ApiError } from './http.js';

/** A loop guard: no following list needs more pages than this. */
export const MAX_PAGES = 2000;

export interface Page<T> {
  items: T[];
  /** The next page's cursor, or null on the last page. */
  next: string | null;
}

/** Where a paged fetch stands: saved when a rate limit stops it, so the next run resumes there. */
export interface PageState<T> {
  cursor: string | null;
  items: T[];
}

export interface Paged<T> {
  items: T[];
  complete: boolean;
  error: string | null;
  /** Set when a rate limit stopped the fetch. */
  resume: PageState<T> | null;
  /** The failed request that stopped the fetch, if one did. */
  cause?: ApiError;
}

/**
 * Fetches page after page from `start`. Stops, incomplete, on a failed request, on a cursor
 * seen before (APIs have been known to hand the same cursor back forever) and at MAX_PAGES.
 */
export async function collectPages<T>(
  context: NetContext,
  what: string,
  start: PageState<T>,
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
  maxPages = MAX_PAGES,
): Promise<Paged<T>> {
  const items = [...start.items];
  const seen = new Set<string>();
  let cursor = start.cursor;
  for (let page = 1; ; page++) {
    if (page > maxPages) {
      return stopped(items, `stopped after ${maxPages} pages of ${what} without reaching the end`);
    }
    if (cursor !== null) seen.add(cursor);
    let result: Page<T>;
    try {
      result = await fetchPage(cursor);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const resume = error.kind === 'rate-limit' ? { cursor, items } : null;
      return { items, complete: false, error: error.message, resume, cause: error };
    }
    items.push(...result.items);
    context.progress(`${context.account.name}: ${what}, page ${page}, ${items.length} so far`);
    if (result.next === null || result.next === '')
      return { items, complete: true, error: null, resume: null };
    if (seen.has(result.next)) {
      return stopped(
        items,
        `the API gave the same page cursor of ${what} twice; stopped after page ${page} to avoid an endless loop`,
      );
    }
    cursor = result.next;
  }
}

function stopped<T>(items: T[], error: string): Paged<T> {
  return { items, complete: false, error, resume: null };
}

/** Reads a saved PageState back from a snapshot (untrusted JSON); null when it does not fit. */
export function pageStateOf<T>(value: unknown, isItem: (item: unknown) => item is T): PageState<T> | null {
  if (typeof value !== 'object' || value === null) return null;
  const { cursor, items } = value as { cursor?: unknown; items?: unknown };
  if ((cursor !== null && typeof cursor !== 'string') || !Array.isArray(items) || !items.every(isItem))
    return null;
  return { cursor, items };
}
