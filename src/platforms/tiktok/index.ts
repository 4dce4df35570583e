// TikTok. Usernames (letters, digits, '_' and '.') are the only identifier exports give.
import { defineAdapter } from '../define.js';
import { tiktokAbout } from './about.js';
import { tiktokFollowing } from './export.js';
import { tiktokProfile } from './profile.js';

export const tiktok = defineAdapter({
  ...tiktokProfile,
  exports: [tiktokFollowing],
  about: tiktokAbout,
  exportHelp:
    'TikTok has no public API for this. In the app: Settings and privacy › Account › Download your data, format JSON',
});
