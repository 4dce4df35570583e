// YouTube. Channel ids are "UC" + 22 characters and stable; @handles are case-insensitive.
// https://developers.google.com/youtube/v3/docs/channels/list (forHandle)
import { defineAdapter } from '../define.js';
import { fetchFollowing, lookup } from './api.js';
import { youtubeSubscriptions } from './export.js';
import { youtubeProfile } from './profile.js';

export const youtube = defineAdapter({
  ...youtubeProfile,
  fetchFollowing,
  lookup,
  exports: [youtubeSubscriptions],
  exportHelp: 'Google Takeout (takeout.google.com) › YouTube and YouTube Music › subscriptions',
});
