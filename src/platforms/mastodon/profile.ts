// Mastodon. Accounts are user@instance; lookups fold case (account/finder_concern.rb). Usernames
// are ASCII (Account::USERNAME_RE, app/models/account.rb); instances are compared in ASCII form.
// https://docs.joinmastodon.org/methods/accounts/#lookup
import type { ProfileSpec } from '../define.js';

const QUALIFIED = /^@?([^@\s/]+)@([^@\s/]+\.[^@\s/]+)$/;

/** The instance of a user@instance handle. */
export const instanceOf = (handle: string) => handle.slice(handle.lastIndexOf('@') + 1);

/** An account of the instance itself comes as "user": it is user@instance everywhere else. */
export const onInstance = (handle: string, instance: string) =>
  handle.includes('@') ? handle : `${handle}@${instance}`;

export const mastodonProfile: ProfileSpec = {
  platform: 'mastodon',
  label: 'Mastodon',
  hosts: [],
  anyHost: true,
  handlePattern: /^[a-z0-9_]+([.-]+[a-z0-9_]+)*@([a-z0-9-]+\.)+[a-z0-9-]+$/,
  asciiHandles: 'letters, digits and _ (with . or - between them)',
  domain: 'after-at',
  example: '@examplecitydsa@mastodon.example.org',
  fromUrl(parts) {
    const [first, second] = parts.segments;
    if (!first) return null;
    // https://instance/@user, https://home/@user@remote, https://instance/users/user (actor URI)
    if (first.startsWith('@')) {
      const user = first.slice(1);
      return { id: null, handle: onInstance(user, parts.hostname) };
    }
    if (first === 'users' && second) return { id: null, handle: `${second}@${parts.hostname}` };
    return null;
  },
  fromText(text) {
    const m = QUALIFIED.exec(text);
    return m ? { id: null, handle: `${m[1]}@${m[2]}` } : null;
  },
  qualify: (handle, own) => onInstance(handle, instanceOf(own)),
  profileUrl(ref) {
    const m = ref.handle ? /^([^@]+)@(.+)$/.exec(ref.handle) : null;
    return m ? `https://${m[2]}/@${m[1]}` : null;
  },
};
