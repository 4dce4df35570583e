// Mastodon. Accounts are user@instance; lookups fold case (account/finder_concern.rb).
// https://docs.joinmastodon.org/methods/accounts/#lookup
import { defineAdapter } from '../define.js';
import { fetchFollowing } from './api.js';
import { mastodonFollowing } from './export.js';
import { mastodonProfile } from './profile.js';

export const mastodon = defineAdapter({
  ...mastodonProfile,
  fetchFollowing,
  exports: [mastodonFollowing],
  exportHelp: 'In Mastodon: Preferences › Import and export › Data export › Follows (CSV)',
});
