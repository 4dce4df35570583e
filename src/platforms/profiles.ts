// The pure part of the platforms: reading and normalizing account references. It imports
// nothing that needs Node, so the members' page ships this very code (src/page/bundle.ts).
import { PLATFORM_ALIASES, PLATFORMS, type Platform, type PlatformRef } from '../model.js';
import { blueskyProfile } from './bluesky/profile.js';
import { defineProfile, type Profile } from './define.js';
import { facebookProfile } from './facebook/profile.js';
import { instagramProfile } from './instagram/profile.js';
import { mastodonProfile } from './mastodon/profile.js';
import { shortShareLink } from './share-links.js';
import { threadsProfile } from './threads/profile.js';
import { tiktokProfile } from './tiktok/profile.js';
import { twitchProfile } from './twitch/profile.js';
import { looksLikeUrl, splitUrl, withoutTracking } from './urls.js';
import { xProfile } from './x/profile.js';
import { youtubeProfile } from './youtube/profile.js';

export const profiles = {
  x: defineProfile(xProfile),
  bluesky: defineProfile(blueskyProfile),
  mastodon: defineProfile(mastodonProfile),
  instagram: defineProfile(instagramProfile),
  facebook: defineProfile(facebookProfile),
  youtube: defineProfile(youtubeProfile),
  tiktok: defineProfile(tiktokProfile),
  twitch: defineProfile(twitchProfile),
  threads: defineProfile(threadsProfile),
} satisfies Record<Platform, Profile>;

export function toPlatform(name: string): Platform | null {
  const lower = name.trim().toLowerCase();
  if ((PLATFORMS as readonly string[]).includes(lower)) return lower as Platform;
  return PLATFORM_ALIASES[lower] ?? null;
}

/**
 * Reads `platform:handle`, `platform:id:<id>`, or a profile URL of any platform.
 * Returns an explanation when it cannot.
 */
export function parsePlatformRef(raw: string): PlatformRef | string {
  const text = raw.trim();
  if (looksLikeUrl(text)) {
    const short = shortShareLink(text);
    if (short) return short.message;
    const parts = splitUrl(text);
    const profile =
      Object.values(profiles).find((a) => parts && a.hosts.includes(parts.host)) ??
      (parts?.segments[0]?.startsWith('@') || parts?.segments[0] === 'users' ? profiles.mastodon : null);
    if (!profile)
      return `cannot tell which platform ${JSON.stringify(withoutTracking(text))} is on: paste the link of the account's profile page, or write platform:handle, e.g. x:SomeHandle`;
    const ref = profile.parse(text);
    return typeof ref === 'string' ? ref : { platform: profile.platform, ...ref };
  }
  // @user@instance is how Mastodon (and only Mastodon) writes an account.
  if (/^@?[^@\s/:]+@[^@\s/:]+\.[^@\s/:]+$/.test(text)) {
    const ref = profiles.mastodon.parse(text);
    return typeof ref === 'string' ? ref : { platform: 'mastodon', ...ref };
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
  const ref = profiles[platform].parse(rest);
  return typeof ref === 'string' ? ref : { platform, ...ref };
}
