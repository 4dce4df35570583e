import { PLATFORM_ALIASES, PLATFORMS, type Platform } from '../model.js';
import { bluesky } from './bluesky/index.js';
import { facebook } from './facebook/index.js';
import { instagram } from './instagram/index.js';
import { mastodon } from './mastodon/index.js';
import { threads } from './threads/index.js';
import { tiktok } from './tiktok/index.js';
import { twitch } from './twitch/index.js';
import type { ParsedRef, PlatformAdapter } from './types.js';
import { looksLikeUrl, splitUrl } from './urls.js';
import { x } from './x/index.js';
import { youtube } from './youtube/index.js';

export const adapters = {
  x,
  bluesky,
  mastodon,
  instagram,
  facebook,
  youtube,
  tiktok,
  twitch,
  threads,
} satisfies Record<Platform, PlatformAdapter>;

export function toPlatform(name: string): Platform | null {
  const lower = name.trim().toLowerCase();
  if ((PLATFORMS as readonly string[]).includes(lower)) return lower as Platform;
  return PLATFORM_ALIASES[lower] ?? null;
}

export interface PlatformRef extends ParsedRef {
  platform: Platform;
}

/**
 * Reads `platform:handle`, `platform:id:<id>`, or a profile URL of any platform.
 * Returns an explanation when it cannot.
 */
export function parsePlatformRef(raw: string): PlatformRef | string {
  const text = raw.trim();
  if (looksLikeUrl(text)) {
    const parts = splitUrl(text);
    const adapter =
      Object.values(adapters).find((a) => parts && a.hosts.includes(parts.host)) ??
      (parts?.segments[0]?.startsWith('@') || parts?.segments[0] === 'users' ? adapters.mastodon : null);
    if (!adapter)
      return `cannot tell the platform of ${JSON.stringify(text)}: write it as platform:handle, e.g. x:SomeHandle`;
    const ref = adapter.parse(text);
    return typeof ref === 'string' ? ref : { platform: adapter.platform, ...ref };
  }
  const m = /^([a-z]+):(.*)$/i.exec(text);
  const platform = m ? toPlatform(m[1]!) : null;
  if (!m || !platform) {
    return `${JSON.stringify(text)} does not name a platform: write platform:handle (e.g. x:SomeHandle, bluesky:name.bsky.social), platform:id:<id>, or a profile URL`;
  }
  const rest = m[2]!.trim();
  if (/^id:/i.test(rest)) {
    const id = rest.slice(3).trim();
    return id ? { platform, id, handle: null } : `${JSON.stringify(text)} has no id after "id:"`;
  }
  const ref = adapters[platform].parse(rest);
  return typeof ref === 'string' ? ref : { platform, ...ref };
}
