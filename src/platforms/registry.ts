import type { Platform } from '../model.js';
import { bluesky } from './bluesky/index.js';
import { facebook } from './facebook/index.js';
import { instagram } from './instagram/index.js';
import { mastodon } from './mastodon/index.js';
import { threads } from './threads/index.js';
import { tiktok } from './tiktok/index.js';
import { twitch } from './twitch/index.js';
import type { PlatformAdapter } from './types.js';
import { x } from './x/index.js';
import { youtube } from './youtube/index.js';

export { parsePlatformRef, toPlatform } from './profiles.js';

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
