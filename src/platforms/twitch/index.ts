// Twitch. Logins are lowercase letters, digits and '_'; the numeric user id is stable.
// https://dev.twitch.tv/docs/api/reference/#get-users
import { defineAdapter, firstSegment } from '../define.js';
import { fetchFollowing, lookup } from './api.js';

export const twitch = defineAdapter({
  platform: 'twitch',
  label: 'Twitch',
  hosts: ['twitch.tv'],
  handlePattern: /^[a-z0-9_]{1,50}$/,
  example: 'https://www.twitch.tv/examplecitydsa',
  fromUrl(parts) {
    const handle = firstSegment(parts, ['directory', 'videos', 'settings', 'p', 'search']);
    return handle ? { id: null, handle } : null;
  },
  profileUrl: (ref) => (ref.handle ? `https://www.twitch.tv/${ref.handle}` : null),
  fetchFollowing,
  lookup,
  exportHelp: 'Twitch gives no export of follows: use source: api with TWITCH_CLIENT_ID and TWITCH_TOKEN',
});
