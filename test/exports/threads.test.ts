// Format: Meta "Download your information", your_instagram_activity/threads/following.json, key
// text_post_app_text_post_app_following (as in public readers of Meta downloads).
import { describe, expect, it } from 'vitest';
import { failureOf, readAs } from '../helpers/exports.js';

describe('Threads following.json', () => {
  it('reads handles', async () => {
    const list = await readAs('threads', 'threads/following.json');
    expect(list.following).toEqual([
      {
        id: null,
        handle: 'examplethreadsfriend',
        name: null,
        url: 'https://www.threads.com/@examplethreadsfriend',
        followedAt: '2023-11-14T22:13:20.000Z',
      },
    ]);
  });

  it('says from Instagram, but this account is on Threads is not Threads', async () => {
    expect(await failureOf('threads', 'instagram/older/following.json')).toMatch(
      /from Instagram, but this account is on Threads/,
    );
  });
});
