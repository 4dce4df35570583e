// TikTok. Usernames (letters, digits, '_' and '.') are the only identifier exports give.
import { defineAdapter } from '../define.js';
import { tiktokAbout } from './about.js';
import { tiktokFollowing } from './export.js';
import { tiktokProfile } from './profile.js';

export const tiktok = defineAdapter({
  ...tiktokProfile,
  exports: [tiktokFollowing],
  about: tiktokAbout,
  exportHelp: 'In the app: Settings and privacy › Account › Download your data, format JSON',
});
