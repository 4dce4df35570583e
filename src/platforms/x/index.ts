// X (Twitter). Handles: ^[A-Za-z0-9_]{1,15}$, case-insensitive; the numeric user id is stable.
// https://docs.x.com/x-api/users/lookup/introduction
import { defineAdapter } from '../define.js';
import { xAbout } from './about.js';
import { fetchXFollowing, lookupX } from './api.js';
import { xFollowing } from './export.js';
import { xProfile } from './profile.js';

export const x = defineAdapter({
  ...xProfile,
  fetchFollowing: fetchXFollowing,
  lookup: lookupX,
  exports: [xFollowing],
  about: xAbout,
  exportHelp: 'On X: More › Settings and privacy › Your account › Download an archive of your data',
});
