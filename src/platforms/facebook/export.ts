// Facebook "Download your information" (JSON): connections/followers/who_you've_followed.json
// (also written who_you_ve_followed.json), key following_v3: [{ "name": "…", "timestamp": … }];
// older downloads: friends_and_followers/who_you_follow.json, key following_v2, same items.
// Names only: matches are name-only-match findings for a person to confirm.
import { SourceError } from '../../errors.js';
import { isRecord } from '../../util/record.js';
import { fromUnixSeconds } from '../export-json.js';
import { hasMetaKey, metaList, repairMojibake } from '../meta/export.js';
import type { ExportFile, ExportFormat } from '../types.js';

const NAME = "Facebook who_you've_followed.json";
const KEYS = ['following_v3', 'following_v2'] as const;

const keyOf = (file: ExportFile) => KEYS.find((key) => hasMetaKey(file, key));

export const facebookFollowing: ExportFormat = {
  name: NAME,
  member: /(^|\/)(who_you('|_)ve_followed|who_you_follow)(_\d+)?\.json$/i,
  detect: (file) => keyOf(file) !== undefined,
  parse(file) {
    const following = metaList(file, NAME, keyOf(file) ?? KEYS[0]).map((item, i) => {
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
