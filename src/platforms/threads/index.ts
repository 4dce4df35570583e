// Threads. Same username rules as Instagram; profiles at threads.net/@user and threads.com/@user.
import { defineAdapter } from '../define.js';
import { threadsFollowing } from './export.js';

export const threads = defineAdapter({
  platform: 'threads',
  label: 'Threads',
  hosts: ['threads.net', 'threads.com'],
  handlePattern: /^[a-z0-9._]{1,30}$/,
  example: 'https://www.threads.com/@examplecitydsa',
  fromUrl(parts) {
    const first = parts.segments[0];
    return first?.startsWith('@') && first.length > 1 ? { id: null, handle: first.slice(1) } : null;
  },
  profileUrl: (ref) => (ref.handle ? `https://www.threads.com/@${ref.handle}` : null),
  exports: [threadsFollowing],
  exportHelp:
    'Threads has no API for this. In Instagram or Threads: Accounts Center › Your information and permissions › Download your information › Threads, format JSON',
});
