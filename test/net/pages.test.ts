import { describe, expect, it } from 'vitest';
import { collectPages } from '../../src/net/pages.js';
import { liveContext } from '../helpers/live.js';

describe('collectPages', () => {
  it('stops, incomplete, at the page-count guard', async () => {
    const context = liveContext('bluesky', 'examplecitydsa.bsky.social', { apiUrl: 'http://127.0.0.1:9' });
    let calls = 0;
    const paged = await collectPages(
      context,
      'follows',
      { cursor: null, items: [] },
      async (cursor) => {
        calls++;
        return { items: [cursor ?? 'first'], next: `c${calls}` };
      },
      3,
    );
    expect(calls).toBe(3);
    expect(paged.complete).toBe(false);
    expect(paged.error).toBe('stopped after 3 pages of follows without reaching the end');
    expect(paged.items).toEqual(['first', 'c1', 'c2']);
  });
});
