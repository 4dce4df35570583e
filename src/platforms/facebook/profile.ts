// Facebook. Pages and profiles: facebook.com/<vanity>, profile.php?id=<id>, /people/<name>/<id>.
// Vanity names are case-insensitive; the numeric id is stable.
import type { ProfileSpec } from '../define.js';

const RESERVED = [
  'groups',
  'events',
  'watch',
  'marketplace',
  'photo',
  'photos',
  'story.php',
  'share',
  'sharer',
];

export const facebookProfile: ProfileSpec = {
  platform: 'facebook',
  label: 'Facebook',
  hosts: ['facebook.com', 'fb.com'],
  handlePattern: /^[\p{L}\p{N}.\-_]{1,80}$/u,
  example: 'https://www.facebook.com/examplecitydsa',
  fromUrl(parts) {
    const [first, , third] = parts.segments;
    if (first === 'profile.php') {
      const id = parts.query.get('id');
      return id ? { id, handle: null } : null;
    }
    if ((first === 'people' || first === 'pages') && third && /^\d+$/.test(third))
      return { id: third, handle: null };
    return first && !RESERVED.includes(first.toLowerCase()) ? { id: null, handle: first } : null;
  },
  fromText: (text) => (/^\d{5,}$/.test(text) ? { id: text, handle: null } : null),
  profileUrl: (ref) =>
    ref.handle
      ? `https://www.facebook.com/${ref.handle}`
      : ref.id
        ? `https://www.facebook.com/profile.php?id=${ref.id}`
        : null,
};
