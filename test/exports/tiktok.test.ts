// Format: TikTok "Download your data" JSON, user_data_tiktok.json / user_data.json, following list
// under three known sections, "N/A" for deleted accounts (abrignoni/RLEAPP tikTokArchiveJson.py,
// drkblog/tiktok-userdata).
import { describe, expect, it } from 'vitest';
import { failureOf, readAs } from '../helpers/exports.js';
import { writeTree } from '../helpers/tree.js';

describe('TikTok user_data_tiktok.json', () => {
  it('reads Your Activity › Following › Following, counting deleted accounts', async () => {
    const list = await readAs('tiktok', 'tiktok/user_data_tiktok.json');
    expect(list.following.map((f) => f.handle)).toEqual(['examplelakesidedsa', 'examplepundit']);
    expect(list.following[0]!.followedAt).toBe('2025-03-01T10:22:33');
    expect(list.notes).toEqual(['1 followed account was deleted ("N/A" in the export) and not audited']);
  });

  it('reads the older Activity › Following List › Following', async () => {
    const list = await readAs('tiktok', 'tiktok/user_data.json');
    expect(list.following.map((f) => f.handle)).toEqual(['examplelakesidedsa']);
    expect(list.notes[0]).toMatch(/^2 followed accounts were deleted/);
  });

  it('reads Profile › Following List › Following', async () => {
    const list = await readAs('tiktok', 'tiktok/profile-section.json');
    expect(list.following.map((f) => f.handle)).toEqual(['examplepundit']);
  });

  it('never passes an export without a following list as complete', async () => {
    const dir = await writeTree({ 'user_data_tiktok.json': '{"Profile":{"Profile Information":{}}}' });
    expect(await failureOf('tiktok', `${dir}/user_data_tiktok.json`)).toMatch(/has no following list/);
  });
});
