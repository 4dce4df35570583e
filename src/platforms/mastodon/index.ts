// Mastodon. Accounts are user@instance; lookups fold case (account/finder_concern.rb).
// https://docs.joinmastodon.org/methods/accounts/#lookup
import { defineAdapter } from '../define.js';
import { mastodonProfile } from './profile.js';

export const mastodon = defineAdapter({
  ...mastodonProfile,
  exportHelp: 'In Mastodon: Preferences › Import and export › Data export › Follows (CSV)',
});
