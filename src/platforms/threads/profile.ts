// Threads. Same username rules as Instagram; profiles at threads.net/@user and threads.com/@user.
import type { ProfileSpec } from '../define.js';

export const threadsProfile: ProfileSpec = {
  platform: 'threads',
  label: 'Threads',
  hosts: ['threads.net', 'threads.com'],
  handlePattern: /^[a-z0-9._]{1,30}$/,
  asciiHandles: 'letters, digits, _ and .',
  example: 'https://www.threads.com/@examplecitydsa',
  fromUrl(parts) {
    const first = parts.segments[0];
    return first?.startsWith('@') && first.length > 1 ? { id: null, handle: first.slice(1) } : null;
  },
  profileUrl: (ref) => (ref.handle ? `https://www.threads.com/@${ref.handle}` : null),
};
