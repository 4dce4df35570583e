// Instagram. Usernames: letters, digits, '.', '_', at most 30; compared case-folded.
// Profile links: https://www.instagram.com/<user>/ and the export's deep link /_u/<user>.
import { defineAdapter } from '../define.js';
import { metaAbout, metaDownloadName } from '../meta/about.js';
import { instagramFollowing } from './export.js';
import { instagramProfile } from './profile.js';

export const instagram = defineAdapter({
  ...instagramProfile,
  exports: [instagramFollowing],
  about: metaAbout,
  ownerInName: metaDownloadName('instagram'),
  exportHelp:
    'In the app: Accounts Center › Your information and permissions › Download your information › Followers and following, format JSON',
});
