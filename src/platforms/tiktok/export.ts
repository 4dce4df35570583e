// TikTok "Download your data" (JSON): user_data_tiktok.json (older: user_data.json). The list has
// moved between sections (abrignoni/RLEAPP scripts/artifacts/tikTokArchiveJson.py); items are
// { "Date": "…", "UserName": "…" }, and deleted accounts are "N/A".
import { SourceError } from '../../errors.js';
import { head, isRecord, parseExportJson } from '../export-json.js';
import type { ExportFormat } from '../types.js';

const NAME = 'TikTok user_data_tiktok.json';
const SECTIONS = [
  ['Your Activity', 'Following', 'Following'],
  ['Activity', 'Following List', 'Following'],
  ['Profile', 'Following List', 'Following'],
] as const;

export const tiktokFollowing: ExportFormat = {
  name: NAME,
  member: /(^|\/)user_data(_tiktok)?\.json$/i,
  detect: (file) =>
    /^\s*\{/.test(head(file, 100)) &&
    /"(Your Activity|Activity|Profile)"\s*:\s*\{/.test(head(file)) &&
    /"(Following List|Profile Information|Following)"/.test(head(file, 65536)),
  parse(file) {
    const data = parseExportJson(file, NAME);
    const items = SECTIONS.map((path) => dig(data, path)).find(Array.isArray);
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

function dig(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, key) => (isRecord(v) ? v[key] : undefined), value);
}
