// Detection by content wherever the list sits in the file, and `null` lists as empty
// (docs/sources.md). Formats: test/fixtures/exports/SOURCES.md; TikTok's alphabetical full
// download as in helpers/downloads.ts (beyzaacesur/tiktok-chronotypes-analysis).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureOf, readAs, zip } from '../helpers/exports.js';
import { writeTree } from '../helpers/tree.js';

/** A TikTok full download: other sections first, alphabetically, a megabyte before the list. */
function fullTikTok(following: unknown) {
  const filler = Array.from({ length: 12_000 }, (_, i) => ({
    Date: '2025-01-01 00:00:00',
    Content: `a message of the example conversation, number ${i}`,
  }));
  return JSON.stringify(
    {
      'Ads and data': { 'Ad Interests': { AdInterestCategories: 'Example' } },
      'App Settings': { Settings: { SettingsMap: { Language: 'en' } } },
      Comment: { Comments: { CommentsList: null } },
      'Direct Message': {
        'Direct Messages': { ChatHistory: { 'Chat History with examplefriend:': filler } },
      },
      Post: { Posts: { VideoList: filler.slice(0, 2000) } },
      Profile: { 'Profile Information': { ProfileMap: { userName: 'examplecitydsa' } } },
      'Your Activity': { Following: { Following: following } },
    },
    null,
    2,
  );
}

describe('detection anywhere in the file', () => {
  it('reads a TikTok full download whose following list is a megabyte in, loose and in its ZIP', async () => {
    const json = fullTikTok([{ Date: '2025-03-01 10:22:33', UserName: 'examplelakesidedsa' }]);
    expect(json.indexOf('"Your Activity"')).toBeGreaterThan(1_000_000);
    const dir = await writeTree({
      'user_data_tiktok.json': json,
      'TikTok_Data_1763600000.zip': zip({ 'user_data_tiktok.json': json }),
    });
    for (const name of ['user_data_tiktok.json', 'TikTok_Data_1763600000.zip']) {
      const list = await readAs('tiktok', join(dir, name));
      expect(list.following.map((f) => f.handle)).toEqual(['examplelakesidedsa']);
    }
  });

  it('reads the newer layout Profile And Settings › Following › Following', async () => {
    const list = await readAs('tiktok', 'tiktok/profile-and-settings.json');
    expect(list.following.map((f) => f.handle)).toEqual(['examplelakesidedsa']);
    expect(list.notes).toEqual(['1 followed account was deleted ("N/A" in the export) and not audited']);
  });

  it('reads a TikTok list written as null as an account that follows nobody', async () => {
    const list = await readAs('tiktok', 'tiktok/follows-nobody.json');
    expect(list.following).toEqual([]);
    const dir = await writeTree({ 'user_data_tiktok.json': fullTikTok(null) });
    expect((await readAs('tiktok', join(dir, 'user_data_tiktok.json'))).following).toEqual([]);
  });

  it('still reports a cut-off TikTok download as damaged, not as some other file', async () => {
    const json = fullTikTok([{ Date: '2025-03-01 10:22:33', UserName: 'examplelakesidedsa' }]);
    const dir = await writeTree({ 'user_data_tiktok.json': json.slice(0, json.length - 40) });
    expect(await failureOf('tiktok', join(dir, 'user_data_tiktok.json'))).toMatch(/truncated or damaged/);
  });

  it('reads the older Facebook friends_and_followers/who_you_follow.json (following_v2)', async () => {
    const list = await readAs('facebook', 'facebook/friends_and_followers/who_you_follow.json');
    expect(list.following.map((f) => f.name)).toEqual(['Example Tenants Uniøn', 'Riverside DSA']);
    expect(list.following[0]!.followedAt).toBe('2021-08-06T13:18:28.000Z');
    const dir = await writeTree({
      'facebook-examplecitydsa.zip': zip({
        'friends_and_followers/who_you_follow.json': JSON.stringify({
          following_v2: [{ name: 'Riverside DSA', timestamp: 1634498460 }],
        }),
      }),
    });
    const zipped = await readAs('facebook', join(dir, 'facebook-examplecitydsa.zip'));
    expect(zipped.following.map((f) => f.name)).toEqual(['Riverside DSA']);
  });

  it('reads a Meta list written as null as empty, and finds its key after other keys', async () => {
    const dir = await writeTree({
      'following.json': JSON.stringify({ relationships_following: null }),
      'who.json': `{"padding": "${'x'.repeat(10_000)}", "following_v3": [{"name": "Riverside DSA", "timestamp": 1}]}`,
    });
    expect((await readAs('instagram', join(dir, 'following.json'))).following).toEqual([]);
    expect((await readAs('facebook', join(dir, 'who.json'))).following.map((f) => f.name)).toEqual([
      'Riverside DSA',
    ]);
  });
});

describe('layouts seen in public material (test/fixtures/exports/SOURCES.md)', () => {
  it("reads Instagram's older layout as Meta's pretty-printer writes it", async () => {
    const list = await readAs('instagram', 'instagram/older/meta-printer.json');
    expect(list.following.map((f) => f.handle)).toEqual(['examplelakesidedsa', 'examplebakery']);
    expect(list.following[1]!.followedAt).toBe('2020-12-24T18:12:14.000Z');
  });

  it('reads the X archive sample layout', async () => {
    const list = await readAs('x', 'x/following.js');
    expect(list.following.map((f) => f.id)).toEqual(['1000000001', '1000000022']);
  });
});
