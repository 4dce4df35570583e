// Google Takeout › YouTube and YouTube Music › subscriptions/subscriptions.csv:
// `Channel Id,Channel Url,Channel Title`. Header, folder and file names are translated
// (German: Abos/Abos.csv, `Kanal-ID,Kanal-URL,Kanaltitel`), so rows are known by the UC… id.
import { SourceError } from '../../errors.js';
import { parseCsv } from '../../util/csv.js';
import { head } from '../export-json.js';
import type { ExportFormat } from '../types.js';
import { CHANNEL_ID } from './channel-id.js';

const NAME = 'YouTube (Google Takeout) subscriptions.csv';
const ROW = /^\uFEFF?UC[A-Za-z0-9_-]{22},https?:\/\/(www\.)?youtube\.com\/channel\/UC/m;

/** A lone header row of an empty list: "<…Id/ID>,<…URL/Url…>,<title>" in any language. */
function isHeaderOnly(text: string): boolean {
  const rows = parseCsv(text);
  const [first, second, third] = rows[0] ?? [];
  return (
    rows.length === 1 &&
    !!third &&
    !!first &&
    first.length > 2 &&
    /id$/i.test(first.trim()) &&
    /url/i.test(second ?? '')
  );
}

export const youtubeSubscriptions: ExportFormat = {
  name: NAME,
  member: /(^|\/)YouTube[^/]*\/[^/]+\/[^/]+\.csv$/i,
  detect: (file) => ROW.test(head(file)) || (head(file).length < 400 && isHeaderOnly(head(file))),
  parse(file) {
    const rows = parseCsv(file.text());
    const following = rows.flatMap((row, i) => {
      const id = row[0]?.trim() ?? '';
      if (CHANNEL_ID.test(id)) {
        const title = row[2]?.trim();
        return [{ id, handle: null, name: title || null, url: `https://www.youtube.com/channel/${id}` }];
      }
      if (i === 0) return []; // the header, in the account's language
      throw new SourceError(
        `${file.path} is ${NAME}, but row ${i + 1} does not start with a channel id (UC…): the file is truncated or damaged`,
      );
    });
    return { following, notes: [] };
  },
};
