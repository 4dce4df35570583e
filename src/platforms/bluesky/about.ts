// Whose a Bluesky repo.car is: the repository's signed commit names its DID
// (https://atproto.com/specs/repository, "Commit Objects": did, version, data, rev, prev, sig).
// The export writes the commit block first (com.atproto.sync.getRepo), so reading stops there.
import type { ExportAboutReader } from '../types.js';

export const blueskyAbout: readonly ExportAboutReader[] = [
  {
    member: /(^|\/)[^/]*\.car$/i,
    inList: true,
    async read(file) {
      // Loaded here, as the CAR reader itself: most runs never read a CAR file.
      const [{ fromUint8Array }, { decode }, { isCommit }] = await Promise.all([
        import('@atcute/car'),
        import('@atcute/cbor'),
        import('@atcute/repo'),
      ]);
      try {
        for (const block of fromUint8Array(file.bytes)) {
          const value = decode(block.bytes);
          if (isCommit(value) && value.did.startsWith('did:'))
            return { owner: { id: value.did, handle: null } };
        }
      } catch {
        // A damaged file says nothing about its owner; reading its list reports the damage.
      }
      return {};
    },
  },
];
