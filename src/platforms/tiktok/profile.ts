// TikTok. Usernames (letters, digits, '_' and '.') are the only identifier exports give.
import type { ProfileSpec } from '../define.js';

export const tiktokProfile: ProfileSpec = {
  platform: 'tiktok',
  label: 'TikTok',
  hosts: ['tiktok.com'],
  handlePattern: /^[a-z0-9._]{1,50}$/,
  asciiHandles: 'letters, digits, _ and .',
  example: 'https://www.tiktok.com/@examplecitydsa',
  fromUrl(parts) {
    const first = parts.segments[0];
    return first?.startsWith('@') && first.length > 1 ? { id: null, handle: first.slice(1) } : null;
  },
  profileUrl: (ref) => (ref.handle ? `https://www.tiktok.com/@${ref.handle}` : null),
};
