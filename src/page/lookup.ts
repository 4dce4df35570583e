// What the page's search box answers: the CLI's own parsing and judging, run on the page's data.
import { type CheckResult, judgeRef } from '../core/check.js';
import { PLATFORMS, type Platform } from '../model.js';
import { parsePlatformRef, profiles } from '../platforms/profiles.js';
import { looksLikeUrl } from '../platforms/urls.js';
import { checkConfigOf, listsOf, type PageData } from './data.js';

export interface Answer {
  results: CheckResult[];
  /** Why there is no answer, or what the member should do next. */
  problem: string | null;
}

/**
 * Looks up what a member typed: a profile link or platform:handle names its platform; a bare
 * handle is read on the chosen platform, or on every platform where the allowlists know it.
 */
export function lookUp(data: PageData, typed: string, platform: Platform | 'any'): Answer {
  const text = typed.trim();
  if (!text) return { results: [], problem: 'Type a handle or paste a profile link.' };
  const config = checkConfigOf(data);
  const judge = (p: Platform, ref: { id: string | null; handle: string | null }) =>
    judgeRef(config, listsOf(data, p), data.asOf, { platform: p, ...ref });
  const named = parsePlatformRef(text);
  if (typeof named !== 'string') return { results: [judge(named.platform, named)], problem: null };
  if (looksLikeUrl(text)) return { results: [], problem: named };
  if (platform !== 'any') {
    const ref = parsePlatformRef(`${platform}:${text}`);
    return typeof ref === 'string'
      ? { results: [], problem: ref }
      : { results: [judge(platform, ref)], problem: null };
  }
  const known = PLATFORMS.flatMap((p) => {
    const ref = profiles[p].parse(text);
    if (typeof ref === 'string') return [];
    const result = judge(p, ref);
    return result.matches.length || result.accounts.some((a) => a.follows) ? [result] : [];
  });
  return known.length
    ? { results: known, problem: null }
    : {
        results: [],
        problem: `${JSON.stringify(text)} is on no allowlist, on any platform. Choose its platform (or paste its profile link) to check it and report it.`,
      };
}
