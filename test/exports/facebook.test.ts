// Format: Facebook "Download your information" JSON, connections/followers/who_you've_followed.json,
// key following_v3, names only; Meta's \u00xx mojibake (as in the public readers of these downloads).
import { describe, expect, it } from 'vitest';
import { repairMojibake } from '../../src/platforms/meta/export.js';
import { fixture, readAs, zip } from '../helpers/exports.js';
import { writeTree } from '../helpers/tree.js';

describe("Facebook who_you've_followed.json", () => {
  it('reads names, repairing mojibake only where it is mojibake', async () => {
    const list = await readAs('facebook', "facebook/who_you've_followed.json");
    expect(list.following.map((f) => [f.handle, f.name])).toEqual([
      [null, 'Example Tenants Union'],
      [null, 'José Sample Café'],
      [null, 'René Example'],
    ]);
    expect(list.notes.join()).toMatch(/display names only/);
  });

  it('leaves text alone that is not mojibake', () => {
    expect(repairMojibake('Ã alone')).toBe('Ã alone');
    expect(repairMojibake('Zoë 🌹')).toBe('Zoë 🌹');
    expect(repairMojibake('\u00f0\u009f\u008c\u00b9')).toBe('🌹');
  });

  it('finds who_you_ve_followed.json in the ZIP as downloaded', async () => {
    const archive = zip({
      'connections/followers/who_you_ve_followed.json': await fixture("facebook/who_you've_followed.json"),
    });
    const dir = await writeTree({ 'facebook-example.zip': archive });
    const list = await readAs('facebook', `${dir}/facebook-example.zip`);
    expect(list.following).toHaveLength(3);
  });
});
