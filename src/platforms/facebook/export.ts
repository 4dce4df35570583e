// Facebook "Download your information" (JSON): connections/followers/who_you've_followed.json
// (also written who_you_ve_followed.json), key following_v3: [{ "name": "…", "timestamp": … }].
// Names only: matches are name-only-match findings for a person to confirm.
import { SourceError } from '../../errors.js';
import { fromUnixSeconds, head, isRecord } from '../export-json.js';
import { metaList, repairMojibake } from '../meta/export.js';
import type { ExportFormat } from '../types.js';

const NAME = "Facebook who_you've_followed.json";
const KEY = 'following_v3';

export const facebookFollowing: ExportFormat = {
  name: NAME,
  member: /(^|\/)who_you('|_)ve_followed(_\d+)?\.json$/i,
  detect: (file) => head(file).includes(`"${KEY}"`),
  parse(file) {
    const following = metaList(file, NAME, KEY).map((item, i) => {
      const raw = isRecord(item) ? (item.name ?? item.title) : null;
      if (typeof raw !== 'string' || !raw.trim())
        throw new SourceError(`${file.path} is ${NAME}, but entry ${i + 1} has no name: the file is damaged`);
      const followedAt = isRecord(item) ? fromUnixSeconds(item.timestamp) : null;
      return { id: null, handle: null, name: repairMojibake(raw.trim()), url: null, followedAt };
    });
    return {
      following,
      notes: following.length
        ? ['Facebook downloads give display names only: a person must confirm each name match']
        : [],
    };
  },
};
