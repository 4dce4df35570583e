// X archive ("Download an archive of your data"): data/following.js, a JavaScript assignment
// `window.YTD.following.part0 = [ { "following": { "accountId", "userLink" } } ]`, ids only.
// Shape per the archive's own README.txt; large lists may come as partN files.
import { SourceError } from '../../errors.js';
import { isRecord } from '../../util/record.js';
import { head, parseExportJson } from '../export-json.js';
import type { ExportFormat } from '../types.js';

const NAME = 'X archive data/following.js';
const ASSIGNMENT = /^\s*window\.YTD\.following\.part\d+\s*=\s*/;

export const xFollowing: ExportFormat = {
  name: NAME,
  member: /(^|\/)data\/following(-part\d+)?\.js$/i,
  detect: (file) => ASSIGNMENT.test(head(file, 200)),
  parse(file) {
    const text = file.text().replace(ASSIGNMENT, '').replace(/;\s*$/, '');
    const items = parseExportJson(file, NAME, text);
    if (!Array.isArray(items)) throw new SourceError(`${file.path} is ${NAME}, but holds no list`);
    const following = items.map((item, i) => {
      const entry = isRecord(item) && isRecord(item.following) ? item.following : null;
      const id = entry?.accountId;
      if (typeof id !== 'string' || !/^\d{1,19}$/.test(id)) {
        throw new SourceError(
          `${file.path} is ${NAME}, but entry ${i + 1} has no account id: the file is damaged`,
        );
      }
      const link = typeof entry?.userLink === 'string' ? entry.userLink : null;
      return { id, handle: null, name: null, url: link ?? `https://x.com/intent/user?user_id=${id}` };
    });
    return {
      following,
      notes: following.length
        ? [
            "X archives give account ids only: handles come from the tool's identity cache, or from `follow-audit resolve`",
          ]
        : [],
    };
  },
};
