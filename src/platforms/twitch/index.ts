// Twitch. Logins are lowercase letters, digits and '_'; the numeric user id is stable.
// https://dev.twitch.tv/docs/api/reference/#get-users
import { defineAdapter } from '../define.js';
import { fetchFollowing, lookup } from './api.js';
import { twitchProfile } from './profile.js';

export const twitch = defineAdapter({
  ...twitchProfile,
  fetchFollowing,
  lookup,
  exportHelp: 'Twitch gives no export of follows: use source: api with TWITCH_CLIENT_ID and TWITCH_TOKEN',
});
