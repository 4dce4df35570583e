// Format: Google Takeout › YouTube and YouTube Music › subscriptions/subscriptions.csv, localized
// (German Abos.csv: Kanal-ID,Kanal-URL,Kanaltitel) with BOM and CRLF, as in iv-org/invidious's
// spec fixtures.
import { describe, expect, it } from 'vitest';
import { failureOf, fixture, readAs, zip } from '../helpers/exports.js';
import { writeTree } from '../helpers/tree.js';

const expected = [
  ['UCexamplelakeside000000a', 'Lakeside DSA'],
  ['UCexamplepundit000000000', 'A Loud Pundit, Live'],
];

describe('YouTube Takeout subscriptions.csv', () => {
  it('reads channel ids and titles', async () => {
    const list = await readAs('youtube', 'youtube/subscriptions.csv');
    expect(list.kind).toBe('export');
    expect(list.following.map((f) => [f.id, f.name])).toEqual(expected);
  });

  it('reads a German Abos.csv with BOM and CRLF', async () => {
    const list = await readAs('youtube', 'youtube/Abos.csv');
    expect(list.following.map((f) => f.id)).toEqual(expected.map((e) => e[0]));
    expect(list.following[1]!.name).toBe('Ein lauter Kommentator');
  });

  it('finds the list in a localized Takeout ZIP among other CSVs', async () => {
    const archive = zip({
      'Takeout/YouTube und YouTube Music/Kanäle/Kanal.csv':
        'Kanal-ID,Kanaltitel (Original)\nUCexamplecitydsa00000000,Example\n',
      'Takeout/YouTube und YouTube Music/Abos/Abos.csv': await fixture('youtube/Abos.csv'),
    });
    const dir = await writeTree({ 'takeout-20261120T000000Z-001.zip': archive });
    const list = await readAs('youtube', `${dir}/takeout-20261120T000000Z-001.zip`);
    expect(list.following.map((f) => f.id)).toEqual(expected.map((e) => e[0]));
  });

  it('reads an empty list by its header alone', async () => {
    const dir = await writeTree({ 'subscriptions.csv': 'Channel Id,Channel Url,Channel Title\n' });
    expect((await readAs('youtube', `${dir}/subscriptions.csv`)).following).toEqual([]);
  });

  it('refuses a file cut off in the middle of a row', async () => {
    const text = (await fixture('youtube/subscriptions.csv')).toString();
    const dir = await writeTree({ 'subscriptions.csv': text.slice(0, text.indexOf('UCexamplepundit') + 8) });
    expect(await failureOf('youtube', `${dir}/subscriptions.csv`)).toMatch(
      /row 3 does not start with a channel id/,
    );
  });
});
