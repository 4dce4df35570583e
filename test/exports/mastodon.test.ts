// Format: Mastodon › Import and export › Data export › Follows: following_accounts.csv
// (mastodon/mastodon app/models/export.rb), and the header-less form other tools write
// (public import tools that accept `acct,true` rows).
import { describe, expect, it } from 'vitest';
import { failureOf, readAs } from '../helpers/exports.js';
import { writeTree } from '../helpers/tree.js';

const handles = ['examplelakeside@mastodon.example.org', 'examplepundit@social.example.net'];

describe('Mastodon following_accounts.csv', () => {
  it.each(['following_accounts.csv', 'headerless.csv'])('reads %s', async (name) => {
    const list = await readAs('mastodon', `mastodon/${name}`, 'examplecitydsa@mastodon.example.org');
    expect(list.kind).toBe('export');
    expect(list.following.map((f) => f.handle)).toEqual(handles);
    expect(list.following[1]!.url).toBe('https://social.example.net/@examplepundit');
  });

  it('refuses a row that is not an address', async () => {
    const dir = await writeTree({
      'following_accounts.csv':
        'Account address,Show boosts\nexamplelakeside@mastodon.example.org,true\nexamplepun',
    });
    expect(await failureOf('mastodon', `${dir}/following_accounts.csv`)).toMatch(
      /row 3 is not an account address/,
    );
  });

  it("puts a plain CSV's local accounts on the audited account's instance", async () => {
    const dir = await writeTree({
      'lists/following.csv': 'handle\n@examplelakeside\nexamplepundit@social.example.net\n',
    });
    const list = await readAs(
      'mastodon',
      `${dir}/lists/following.csv`,
      'examplecitydsa@mastodon.example.org',
    );
    expect(list.kind).toBe('csv');
    expect(list.following.map((f) => f.handle)).toEqual(handles);
  });
});
