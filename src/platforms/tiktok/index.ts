// TikTok. Usernames (letters, digits, '_' and '.') are the only identifier exports give.
import { defineAdapter } from '../define.js';
import { tiktokFollowing } from './export.js';

export const tiktok = defineAdapter({
  platform: 'tiktok',
  label: 'TikTok',
  hosts: ['tiktok.com'],
  handlePattern: /^[a-z0-9._]{1,50}$/,
  example: 'https://www.tiktok.com/@examplecitydsa',
  fromUrl(parts) {
    const first = parts.segments[0];
    return first?.startsWith('@') && first.length > 1 ? { id: null, handle: first.slice(1) } : null;
  },
  profileUrl: (ref) => (ref.handle ? `https://www.tiktok.com/@${ref.handle}` : null),
  exports: [tiktokFollowing],
  exportHelp:
    'TikTok has no public API for this. In the app: Settings and privacy › Account › Download your data, format JSON',
});
