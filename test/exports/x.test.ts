// Format: the X archive's data/following.js, as described in the archive's README.txt and shown in
// alexf13e/Twitter-User-Info-Getter README.md.
import { describe, expect, it } from 'vitest';
import { failureOf, fixture, readAs, zip } from '../helpers/exports.js';
import { writeTree } from '../helpers/tree.js';

describe('X archive data/following.js', () => {
  it('reads ids from twitter.com and x.com links', async () => {
    const list = await readAs('x', 'x/following.js');
    expect(list.kind).toBe('export');
    expect(list.following.map((f) => [f.id, f.handle])).toEqual([
      ['1000000001', null],
      ['1000000022', null],
    ]);
    expect(list.following[1]!.url).toBe('https://x.com/intent/user?user_id=1000000022');
  });

  it('reads every partN of the archive as downloaded', async () => {
    const archive = zip({
      'data/account.js': 'window.YTD.account.part0 = []',
      'data/following.js': await fixture('x/following.js'),
      'data/following-part1.js': await fixture('x/following-part1.js'),
    });
    const dir = await writeTree({ 'twitter-2026-11-20-example.zip': archive });
    const list = await readAs('x', `${dir}/twitter-2026-11-20-example.zip`);
    expect(list.following.map((f) => f.id)).toEqual(['1000000001', '1000000022', '1000000042']);
  });

  it('refuses a truncated file', async () => {
    const text = (await fixture('x/following.js')).toString().slice(0, 150);
    const dir = await writeTree({ 'following.js': text });
    expect(await failureOf('x', `${dir}/following.js`)).toMatch(/X archive .*truncated/);
  });

  it('refuses an entry without an account id', async () => {
    const dir = await writeTree({
      'following.js': 'window.YTD.following.part0 = [ { "following": { "userLink": "https://x.com/a" } } ]',
    });
    expect(await failureOf('x', `${dir}/following.js`)).toMatch(/entry 1 has no account id/);
  });
});
