// Bluesky (AT Protocol). Handles are domain names, lowercased, in ASCII (an IDN in its xn-- form);
// the DID is the permanent id.
// https://atproto.com/specs/handle, https://atproto.com/specs/did
import type { ProfileSpec } from '../define.js';

const DID = /^did:(plc|web):[a-z0-9._:%-]+$/i;

export const blueskyProfile: ProfileSpec = {
  platform: 'bluesky',
  label: 'Bluesky',
  hosts: ['bsky.app'],
  handlePattern: /^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]([a-z0-9-]*[a-z0-9])?$/,
  domain: 'whole',
  example: 'https://bsky.app/profile/examplecitydsa.bsky.social',
  fromUrl(parts) {
    const [first, name] = parts.segments;
    if (first !== 'profile' || !name) return null;
    return DID.test(name) ? { id: name, handle: null } : { id: null, handle: name };
  },
  fromText(text) {
    const bare = text.replace(/^at:\/\//, '').replace(/^@/, '');
    return DID.test(bare) ? { id: bare, handle: null } : null;
  },
  profileUrl: (ref) => (ref.handle || ref.id ? `https://bsky.app/profile/${ref.handle ?? ref.id}` : null),
};
