// Instagram. Usernames: letters, digits, '.', '_', at most 30; compared case-folded.
// Profile links: https://www.instagram.com/<user>/ and the export's deep link /_u/<user>.
import type { ProfileSpec } from '../define.js';

const RESERVED = ['p', 'reel', 'reels', 'stories', 'explore', 'accounts', 'direct', 'tv'];

export const instagramProfile: ProfileSpec = {
  platform: 'instagram',
  label: 'Instagram',
  hosts: ['instagram.com', 'instagr.am'],
  handlePattern: /^[a-z0-9._]{1,30}$/,
  asciiHandles: 'letters, digits, _ and .',
  example: 'https://www.instagram.com/examplecitydsa/',
  fromUrl(parts) {
    const [first, second] = parts.segments;
    if (first === '_u' && second) return { id: null, handle: second };
    return first && !RESERVED.includes(first.toLowerCase()) ? { id: null, handle: first } : null;
  },
  profileUrl: (ref) => (ref.handle ? `https://www.instagram.com/${ref.handle}/` : null),
};
