// Twitch. Logins are lowercase letters, digits and '_'; the numeric user id is stable.
// https://dev.twitch.tv/docs/api/reference/#get-users
import { firstSegment, type ProfileSpec } from '../define.js';

export const twitchProfile: ProfileSpec = {
  platform: 'twitch',
  label: 'Twitch',
  hosts: ['twitch.tv'],
  handlePattern: /^[a-z0-9_]{1,50}$/,
  asciiHandles: 'letters, digits and _',
  example: 'https://www.twitch.tv/examplecitydsa',
  fromUrl(parts) {
    const handle = firstSegment(parts, ['directory', 'videos', 'settings', 'p', 'search']);
    return handle ? { id: null, handle } : null;
  },
  profileUrl: (ref) => (ref.handle ? `https://www.twitch.tv/${ref.handle}` : null),
};
