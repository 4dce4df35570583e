// Facebook. Pages and profiles: facebook.com/<vanity>, profile.php?id=<id>, /people/<name>/<id>.
// Vanity names are case-insensitive; the numeric id is stable.
import { defineAdapter } from '../define.js';
import { metaDownloadName } from '../meta/about.js';
import { facebookFollowing } from './export.js';
import { facebookProfile } from './profile.js';

export const facebook = defineAdapter({
  ...facebookProfile,
  exports: [facebookFollowing],
  ownerInName: metaDownloadName('facebook'),
  exportHelp:
    'In Facebook: Settings › Accounts Center › Your information and permissions › Download your information › Connections, format JSON',
});
