// Mastodon › Preferences › Import and export › Data export › Follows: following_accounts.csv,
// `Account address,Show boosts,Notify on new posts,Languages` (mastodon/mastodon
// app/models/export.rb). Other tools write it without the header row; both are read.
import { SourceError } from '../../errors.js';
import { parseCsv } from '../../util/csv.js';
import { head } from '../export-json.js';
import type { ExportFormat } from '../types.js';

const NAME = 'Mastodon following_accounts.csv';
const HEADER = /^\uFEFF?Account address,/i;
const ADDRESS = /^@?[^@\s,/]+@[^@\s,/]+\.[^@\s,/]+$/;

export const mastodonFollowing: ExportFormat = {
  name: NAME,
  member: /(^|\/)following_accounts\.csv$/i,
  detect(file) {
    const first = head(file, 400)
      .split(/\r?\n/, 1)[0]!
      .replace(/^\uFEFF/, '');
    return HEADER.test(first) || ADDRESS.test(first.split(',')[0]!.trim());
  },
  parse(file) {
    const rows = parseCsv(file.text());
    const following = rows.flatMap((row, i) => {
      const address = row[0]!.trim();
      if (i === 0 && HEADER.test(row.join(','))) return [];
      if (!ADDRESS.test(address)) {
        throw new SourceError(
          `${file.path} is ${NAME}, but the first cell of row ${i + 1} is not an account address (user@instance): the file is damaged`,
        );
      }
      const handle = address.replace(/^@/, '');
      const [user, host] = handle.split('@');
      return [{ id: null, handle, name: null, url: `https://${host}/@${user}` }];
    });
    return { following, notes: [] };
  },
};
