// Bluesky (AT Protocol). Handles are domain names, lowercased; the DID is the permanent id.
// https://atproto.com/specs/handle, https://atproto.com/specs/did
import { defineAdapter } from '../define.js';
import { blueskyAbout } from './about.js';
import { fetchFollowing, lookup } from './api.js';
import { blueskyRepo } from './export.js';
import { blueskyProfile } from './profile.js';

export const bluesky = defineAdapter({
  ...blueskyProfile,
  fetchFollowing,
  lookup,
  exports: [blueskyRepo],
  about: blueskyAbout,
  exportHelp: 'In Bluesky: Settings › Account › Export my data (saves repo.car)',
});
