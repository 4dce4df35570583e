// Instagram "Download your information" (JSON): connections/followers_and_following/following.json.
// Path history: https://github.com/Androz2091/instaddict/issues/6. Two layouts (README.md, "Where the following lists come from"):
// older, handle in string_list_data[0].value; newer (H2 2025), handle in title with a /_u/ link.
import { metaFollowingFormat } from '../meta/export.js';

export const instagramFollowing = metaFollowingFormat({
  name: 'Instagram following.json',
  key: 'relationships_following',
  member: /(^|\/)followers_and_following\/following(_\d+)?\.json$/i,
  profileUrl: (handle) => `https://www.instagram.com/${handle}/`,
});
