// X (Twitter). Handles: ^[A-Za-z0-9_]{1,15}$, case-insensitive; the numeric user id is stable.
// https://docs.x.com/x-api/users/lookup/introduction
import { firstSegment, type ProfileSpec } from '../define.js';

const RESERVED = ['home', 'explore', 'search', 'settings', 'messages', 'notifications', 'hashtag', 'share'];

export const xProfile: ProfileSpec = {
  platform: 'x',
  label: 'X',
  hosts: ['x.com', 'twitter.com'],
  handlePattern: /^[a-z0-9_]{1,50}$/,
  asciiHandles: 'letters, digits and _',
  example: 'https://x.com/ExampleCityDSA or @ExampleCityDSA',
  fromUrl(parts) {
    const [first, second] = parts.segments;
    if (first === 'intent' && (second === 'user' || second === 'follow')) {
      const id = parts.query.get('user_id');
      const handle = parts.query.get('screen_name');
      return id ? { id, handle: null } : handle ? { id: null, handle } : null;
    }
    if (first === 'i' && second === 'user' && parts.segments[2])
      return { id: parts.segments[2], handle: null };
    const handle = firstSegment(parts, [...RESERVED, 'i', 'intent']);
    return handle ? { id: null, handle } : null;
  },
  profileUrl: (ref) =>
    ref.handle ? `https://x.com/${ref.handle}` : ref.id ? `https://x.com/i/user/${ref.id}` : null,
};
