// What a member typed, read the same way by `check` and by the members' page: a profile or share
// link, platform:handle, @user@instance, an allowlist entry's name or display name, or a bare
// handle (looked up on every platform, or on the one chosen).
import type { FollowingList, Platform } from '../model.js';
import { type CheckConfig, type CheckResult, type CheckTarget, judgeRef } from './check.js';
import { foldName, namesItsPlatform, refOfText, refOn, refsOnAny } from './identity.js';

export interface Answer {
  results: CheckResult[];
  /** Why there is no answer, or what the member should do next. */
  problem: string | null;
}

export function lookUp(
  config: CheckConfig,
  listsFor: (platform: Platform) => (FollowingList | null)[],
  today: string,
  typed: string,
  platform: Platform | 'any',
): Answer {
  const text = typed.trim();
  if (!text) return { results: [], problem: 'Type a handle, a name, or paste a profile link.' };
  const judge = (t: CheckTarget) => judgeRef(config, listsFor(t.platform), today, t);
  const named = refOfText(text);
  if (named.ok) return { results: [judge(named.value)], problem: null };
  if (namesItsPlatform(text)) return { results: [], problem: named.problem };

  const byName = entryTargets(config, text).filter((t) => platform === 'any' || t.platform === platform);
  if (byName.length) return { results: byName.map(judge), problem: null };
  if (/^[a-z]+:/i.test(text)) return { results: [], problem: named.problem };

  if (platform !== 'any') {
    const ref = refOn(platform, text);
    // Not a handle there: a display name, which is all some exports (Facebook's) give.
    const target = ref.ok ? ref.value : { platform, id: null, handle: null, name: text };
    return { results: [judge(target)], problem: null };
  }
  const known = refsOnAny(text).flatMap((ref) => {
    const result = judge(ref);
    return result.matches.length || result.accounts.some((a) => a.follows) ? [result] : [];
  });
  if (known.length) return { results: known, problem: null };
  return {
    results: [],
    problem: `${JSON.stringify(text)} is no allowlist entry's name and no handle any allowlist or list of ours knows, on any platform. Choose its platform (or paste the link of its profile) to check it and get the checklist to report it.`,
  };
}

/** Every account of the entries named `text` (by entry name, or an account's display name). */
function entryTargets(config: CheckConfig, text: string): CheckTarget[] {
  const folded = foldName(text);
  const targets = new Map<string, CheckTarget>();
  for (const e of config.entries) {
    const entryNamed = foldName(e.name) === folded;
    for (const r of e.refs) {
      if (!entryNamed && !(r.name && foldName(r.name) === folded)) continue;
      // The entry's name stands in for a display name: lists that give names only still find it.
      const target = { platform: r.platform, id: r.id, handle: r.handle, name: r.name ?? e.name };
      targets.set(`${r.platform}|${r.id}|${r.handle}|${target.name}`, target);
    }
  }
  return [...targets.values()];
}
