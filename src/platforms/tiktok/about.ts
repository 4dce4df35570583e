// Whose a TikTok download is: its profile section, `ProfileMap.userName`, under "Profile ›
// Profile Information" (2021–2024) or "Profile And Settings › Profile Info" (2025–), as public
// readers of the download show (e.g. github.com/drkblog/tiktok-userdata). The section's name has
// moved before, so every section is searched for a ProfileMap.
import { isRecord } from '../../util/record.js';
import { parseExportJson } from '../export-json.js';
import type { ExportAboutReader } from '../types.js';

export const tiktokAbout: readonly ExportAboutReader[] = [
  {
    member: /(^|\/)user_data(_tiktok)?\.json$/i,
    inList: true,
    read(file) {
      let data: unknown;
      try {
        data = parseExportJson(file, 'TikTok user_data_tiktok.json');
      } catch {
        return {};
      }
      for (const section of isRecord(data) ? Object.values(data) : []) {
        for (const part of isRecord(section) ? Object.values(section) : []) {
          const map = isRecord(part) && isRecord(part.ProfileMap) ? part.ProfileMap : null;
          const name = typeof map?.userName === 'string' ? map.userName.trim().replace(/^@/, '') : '';
          if (name && name !== 'N/A') return { owner: { id: null, handle: name } };
        }
      }
      return {};
    },
  },
];
