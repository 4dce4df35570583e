// Where a platform states how many accounts an account follows, that count is the list's
// checksum (docs/sources.md): a list that reached its last page but is shorter was cut somewhere.
import type { Followed } from '../model.js';
import { plural } from '../util/text.js';

/** Why a list that reached its end is still short of the count its platform stated, if it is. */
export function shortOfCount(
  listed: number,
  stated: number | null | undefined,
  label: string,
  hint: string,
): string | null {
  if (typeof stated !== 'number' || listed >= stated) return null;
  return `${label} counts ${plural(stated, 'follow')} for this account but listed only ${listed}, so ${stated - listed} ${stated - listed === 1 ? 'is' : 'are'} missing: ${hint}`;
}

/** The list with each account once: a fetch continued after a pause may meet one twice. */
export function distinct(following: Followed[]): Followed[] {
  const seen = new Set<string>();
  return following.filter((f) => {
    const key = f.id ?? f.handle ?? f.url;
    if (key === null) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
