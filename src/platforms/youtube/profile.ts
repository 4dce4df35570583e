// YouTube. Channel ids are "UC" + 22 characters and stable; @handles are case-insensitive and,
// since 2024, may be written in 75 languages' letters (support.google.com/youtube/answer/11585688).
// https://developers.google.com/youtube/v3/docs/channels/list (forHandle)
import type { ProfileSpec } from '../define.js';

import { CHANNEL_ID } from './channel-id.js';

export { CHANNEL_ID };

export const youtubeProfile: ProfileSpec = {
  platform: 'youtube',
  label: 'YouTube',
  hosts: ['youtube.com'],
  handlePattern: /^[\p{L}\p{N}._-]{1,100}$/u,
  example: 'https://www.youtube.com/@examplecitydsa',
  fromUrl(parts) {
    const [first, second] = parts.segments;
    if (!first) return null;
    if (first.startsWith('@') && first.length > 1) return { id: null, handle: first.slice(1) };
    if (first === 'channel' && second && CHANNEL_ID.test(second)) return { id: second, handle: null };
    if ((first === 'c' || first === 'user') && second) return { id: null, handle: second };
    return null;
  },
  fromText: (text) => (CHANNEL_ID.test(text) ? { id: text, handle: null } : null),
  profileUrl: (ref) =>
    ref.handle
      ? `https://www.youtube.com/@${ref.handle}`
      : ref.id
        ? `https://www.youtube.com/channel/${ref.id}`
        : null,
};
