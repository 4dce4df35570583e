import { type Followed, followingList } from '../model.js';
import type { LiveContext, LiveResult } from './types.js';

export interface LiveOutcome {
  following: Followed[];
  complete: boolean;
  error: string | null;
  notes?: string[];
  resume?: unknown;
}

/** The FollowingList of a live fetch, stamped with the injected clock. */
export function liveResult(context: LiveContext, outcome: LiveOutcome): LiveResult {
  const list = followingList(context.account, {
    source: 'api',
    fetchedAt: context.now().toISOString(),
    following: outcome.following,
    notes: outcome.notes ?? [],
    incomplete: outcome.complete ? null : (outcome.error ?? 'the list could not be fetched completely'),
  });
  return outcome.resume === undefined || outcome.resume === null
    ? { list }
    : { list, resume: outcome.resume };
}

/** An incomplete, empty result for a fetch that cannot start. */
export function notFetched(context: LiveContext, error: string): LiveResult {
  return liveResult(context, { following: [], complete: false, error });
}

/** The names of the variables in `names` that the environment does not set. */
export function missingEnv(context: LiveContext, names: readonly string[]): string[] {
  return names.filter((name) => !context.env[name]?.trim());
}

export function missingEnvMessage(missing: string[], why: string): string {
  const vars = missing.join(' and ');
  return `${vars} ${missing.length === 1 ? 'is' : 'are'} not set: set ${missing.length === 1 ? 'it' : 'them'} in the environment to fetch this list (${why})`;
}

export function isFollowed(value: unknown): value is Followed {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['id', 'handle', 'name', 'url'].every((k) => v[k] === null || typeof v[k] === 'string');
}

/** The resume point saved by an earlier run, for resumable fetches. */
export function resumeNote(count: number): string {
  return `continued an earlier fetch that a rate limit stopped (${count} accounts carried over)`;
}
