// Where a fetch stopped, saved with whose list it is and when. Only the same account continues it
// (the audited handle may have changed to another account since), and only within a day: page
// tokens expire, and new follows arrive at the head of the list, before any saved cursor, so an
// old cursor would quietly miss them.
import type { Platform } from '../model.js';
import type { LiveContext } from './types.js';

const MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface SavedCursor {
  platform: Platform;
  /** The account's stable id on its platform (X user id, DID, Mastodon account id, …). */
  accountId: string;
  savedAt: string;
  /** The platform's own resume point: its cursor and what it had fetched until then. */
  state: unknown;
}

export interface Resumed<T> {
  /** The state to continue from, or null to start from the head of the list. */
  state: T | null;
  /** When the continued fetch was saved. */
  savedAt: string | null;
  /** Why a saved cursor was not used, if one was not. */
  notes: string[];
}

/** The cursor to save with an incomplete list of `accountId`. */
export function saveCursor(context: LiveContext, accountId: string, state: unknown): SavedCursor {
  return { platform: context.account.platform, accountId, savedAt: context.now().toISOString(), state };
}

/** The saved state, if it was saved for this very account less than a day ago and reads back. */
export function resumeCursor<T>(
  context: LiveContext,
  accountId: string,
  read: (state: unknown) => T | null,
): Resumed<T> {
  const saved = context.resume;
  if (saved === undefined || saved === null) return { state: null, savedAt: null, notes: [] };
  const why = refusal(saved, context, accountId);
  if (why) return { state: null, savedAt: null, notes: [`${NOT_CONTINUED}: ${why}; fetched from the start`] };
  const { state: raw, savedAt } = saved as SavedCursor;
  const state = read(raw);
  if (state === null)
    return {
      state: null,
      savedAt: null,
      notes: [`${NOT_CONTINUED}: it is not in a form this version reads`],
    };
  return { state, savedAt, notes: [] };
}

const NOT_CONTINUED = 'the earlier fetch that a rate limit stopped was not continued';

function refusal(saved: unknown, context: LiveContext, accountId: string): string | null {
  const s = saved as Partial<Record<keyof SavedCursor, unknown>>;
  if (typeof saved !== 'object' || typeof s.accountId !== 'string' || typeof s.savedAt !== 'string')
    return 'it does not say which account it belongs to';
  if (s.platform !== context.account.platform || s.accountId !== accountId)
    return `it was saved for another account (id ${s.accountId}), not this one (id ${accountId})`;
  const age = context.now().getTime() - Date.parse(s.savedAt);
  if (!(age >= 0 && age < MAX_AGE_MS))
    return `it was saved ${s.savedAt}, and a cursor older than a day would miss the follows made since`;
  return null;
}
