// Threads, in Meta's "Download your information" (JSON):
// your_instagram_activity/threads/following.json, key text_post_app_text_post_app_following.
// An Instagram download holds this file next to Instagram's own following.json: the key tells
// them apart. Same item shape as Instagram's (see ../meta/export.ts).
import { metaFollowingFormat } from '../meta/export.js';

export const threadsFollowing = metaFollowingFormat({
  name: 'Threads following.json',
  key: 'text_post_app_text_post_app_following',
  member: /(^|\/)threads\/following(_\d+)?\.json$/i,
  profileUrl: (handle) => `https://www.threads.com/@${handle}`,
});
