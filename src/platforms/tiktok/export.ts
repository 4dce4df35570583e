// TikTok "Download your data" (JSON): user_data_tiktok.json (older: user_data.json). The list has
// moved between sections (abrignoni/RLEAPP scripts/artifacts/tikTokArchiveJson.py; newer downloads
// put it under "Profile And Settings", next to "Follower › FansList", as public readers of the
// download show); items are { "Date": "…", "UserName": "…" }, and deleted accounts are "N/A".
// A full download lists its sections alphabetically, so the following list can sit megabytes
// in: the format is recognized from the parsed file, never from its first bytes. An account
// that follows nobody gets `null` where the list would be.
import { SourceError } from '../../errors.js';
import { isRecord } from '../../util/record.js';
import { jsonOf, parseExportJson } from '../export-json.js';
import type { ExportFile, ExportFormat } from '../types.js';

const NAME = 'TikTok user_data_tiktok.json';
const SECTIONS = [
  ['Your Activity', 'Following', 'Following'],
  ['Profile And Settings', 'Following', 'Following'],
  ['Activity', 'Following List', 'Following'],
  ['Profile', 'Following List', 'Following'],
] as const;
/** Sections only TikTok's download has, with a part each of them holds. */
const SIGNS: Record<string, readonly string[]> = {
  Profile: ['Profile Information', 'Following List'],
  'Profile And Settings': ['Profile Info', 'Following', 'Follower'],
  'Your Activity': ['Following', 'Follower', 'Watch History'],
  Activity: ['Following List', 'Follower List', 'Video Browsing History'],
};

/** The following list: its items, [] where TikTok wrote null, undefined where it has none. */
function followingOf(data: unknown): unknown[] | undefined {
  for (const [section, part, list] of SECTIONS) {
    const holder = isRecord(data) && isRecord(data[section]) ? data[section] : null;
    if (!holder || !(part in holder)) continue;
    const inner = holder[part];
    if (inner === null) return [];
    if (!isRecord(inner) || !(list in inner)) continue;
    if (inner[list] === null) return [];
    if (Array.isArray(inner[list])) return inner[list];
  }
  return undefined;
}

function isTikTok(file: ExportFile): boolean {
  const json = jsonOf(file);
  if (json) {
    const data = json.value;
    if (!isRecord(data)) return false;
    if (followingOf(data) !== undefined) return true;
    return Object.entries(SIGNS).some(
      ([section, parts]) => isRecord(data[section]) && parts.some((p) => p in (data[section] as object)),
    );
  }
  // Not JSON as a whole: a cut-off download is still TikTok's, to be reported as damaged.
  const text = file.text();
  return (
    /^\s*\{/.test(text) &&
    /"(Your Activity|Activity|Profile|Profile And Settings)"\s*:\s*\{/.test(text) &&
    /"(Following List|Profile Information|Profile Info|Following)"\s*:/.test(text)
  );
}

export const tiktokFollowing: ExportFormat = {
  name: NAME,
  member: /(^|\/)user_data(_tiktok)?\.json$/i,
  detect: isTikTok,
  parse(file) {
    const data = parseExportJson(file, NAME);
    const items = followingOf(data);
    if (!items) {
      throw new SourceError(
        `${file.path} is ${NAME}, but has no following list under ${SECTIONS.map((s) => s.join(' › ')).join(', ')}: download it again with "Following" included, format JSON`,
      );
    }
    let deleted = 0;
    const following = items.flatMap((item, i) => {
      const user = isRecord(item) && typeof item.UserName === 'string' ? item.UserName.trim() : '';
      if (!user)
        throw new SourceError(
          `${file.path} is ${NAME}, but entry ${i + 1} has no UserName: the file is damaged`,
        );
      if (user === 'N/A') {
        deleted++;
        return [];
      }
      const handle = user.replace(/^@/, '');
      const date =
        isRecord(item) && typeof item.Date === 'string' ? item.Date.trim().replace(' ', 'T') : null;
      return [
        { id: null, handle, name: null, url: `https://www.tiktok.com/@${handle}`, followedAt: date || null },
      ];
    });
    const notes = deleted
      ? [
          `${deleted} followed account${deleted === 1 ? ' was' : 's were'} deleted ("N/A" in the export) and not audited`,
        ]
      : [];
    return { following, notes };
  },
};
