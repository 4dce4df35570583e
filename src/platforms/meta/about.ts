// Whose a Meta "Download your information" ZIP is (Instagram, and the Threads lists it holds):
// personal_information/personal_information/personal_information.json has
// profile_user[0].string_map_data.Username.value (public readers of the download, e.g. the
// "Confirmed From Real Export" notes of several Instagram export viewers). The ZIP's own name is
// instagram-<username>-<YYYY-MM-DD>-<random>.zip.
import { isRecord } from '../../util/record.js';
import { parseExportJson } from '../export-json.js';
import type { ExportAboutReader } from '../types.js';
import { repairMojibake } from './export.js';

export const metaAbout: readonly ExportAboutReader[] = [
  {
    member: /(^|\/)personal_information\.json$/i,
    read(file) {
      let data: unknown;
      try {
        data = parseExportJson(file, 'personal_information.json');
      } catch {
        return {};
      }
      const profile = isRecord(data) && Array.isArray(data.profile_user) ? data.profile_user[0] : null;
      const fields = isRecord(profile) && isRecord(profile.string_map_data) ? profile.string_map_data : {};
      const username = isRecord(fields.Username) ? fields.Username.value : null;
      return typeof username === 'string' && username.trim()
        ? { owner: { id: null, handle: repairMojibake(username.trim()).replace(/^@/, '') } }
        : {};
    },
  },
];

/** The owner in the ZIP's own name, as Meta names it. */
export const metaDownloadName = (service: string) =>
  new RegExp(`^(?:${service})-(?<handle>[A-Za-z0-9._]{1,50})-\\d{4}-\\d{2}-\\d{2}-`, 'i');
