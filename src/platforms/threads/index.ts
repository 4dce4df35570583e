// Threads. Same username rules as Instagram; profiles at threads.net/@user and threads.com/@user.
import { defineAdapter } from '../define.js';
import { metaAbout, metaDownloadName } from '../meta/about.js';
import { threadsFollowing } from './export.js';
import { threadsProfile } from './profile.js';

export const threads = defineAdapter({
  ...threadsProfile,
  exports: [threadsFollowing],
  // Threads lists come inside the Instagram account's download, under the same username.
  about: metaAbout,
  ownerInName: metaDownloadName('instagram|threads'),
  exportHelp:
    'In Instagram or Threads: Accounts Center › Your information and permissions › Download your information › Threads, format JSON',
});
