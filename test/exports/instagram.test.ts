// Format: Instagram "Download your information" JSON, connections/followers_and_following/following.json.
// Older layout (handle in string_list_data[0].value) and newer layout (handle in title, /_u/ link),
// as seen in public parsers' fixtures (e.g. PersonalDataPipeline/pdpl-cli's Instagram import).
import { describe, expect, it } from 'vitest';
import { failureOf, fixture, readAs, zip } from '../helpers/exports.js';
import { writeTree } from '../helpers/tree.js';

describe('Instagram following.json', () => {
  it.each(['older', 'newer'])('reads the %s layout', async (layout) => {
    const list = await readAs('instagram', `instagram/${layout}/following.json`);
    expect(list.following.map((f) => f.handle)).toEqual(['examplelakesidedsa', 'examplepundit']);
    expect(list.following[0]!.url).toBe('https://www.instagram.com/examplelakesidedsa/');
    expect(list.following[0]!.followedAt).toMatch(/^20\d\d-/);
  });

  it('finds Instagram’s list, not Threads’, in the ZIP as downloaded', async () => {
    const archive = zip({
      'your_instagram_activity/threads/following.json': await fixture('threads/following.json'),
      'connections/followers_and_following/followers_1.json': '[]',
      'connections/followers_and_following/following.json': await fixture('instagram/newer/following.json'),
    });
    const dir = await writeTree({ 'instagram-examplecitydsa-2026-11-20.zip': archive });
    const path = `${dir}/instagram-examplecitydsa-2026-11-20.zip`;
    const list = await readAs('instagram', path);
    expect(list.following.map((f) => f.handle)).toEqual(['examplelakesidedsa', 'examplepundit']);
    const threads = await readAs('threads', path);
    expect(threads.following.map((f) => f.handle)).toEqual(['examplethreadsfriend']);
  });

  it('says a Threads file is not Instagram', async () => {
    expect(await failureOf('instagram', 'threads/following.json')).toMatch(
      /Threads following\.json, from Threads, but this account is on Instagram/,
    );
  });

  it('says an HTML download must be requested again as JSON', async () => {
    const archive = zip({ 'connections/followers_and_following/following.html': '<html></html>' });
    const dir = await writeTree({ 'ig.zip': archive });
    expect(await failureOf('instagram', `${dir}/ig.zip`)).toMatch(/in HTML; download it again in JSON/);
  });

  it('refuses a truncated file and a row naming nobody', async () => {
    const text = (await fixture('instagram/newer/following.json')).toString();
    const dir = await writeTree({
      'cut.json': text.slice(0, text.length - 40),
      'empty-row.json': '{"relationships_following":[{"title":"","string_list_data":[{"timestamp":1}]}]}',
    });
    expect(await failureOf('instagram', `${dir}/cut.json`)).toMatch(
      /but its JSON breaks at line \d+, column \d+: the download is truncated/,
    );
    expect(await failureOf('instagram', `${dir}/empty-row.json`)).toMatch(/entry 1 names no account/);
  });
});
