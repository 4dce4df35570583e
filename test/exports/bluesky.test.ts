// Format: Bluesky › Settings › Export my data: repo.car, a CAR of DAG-CBOR records; follows are
// app.bsky.graph.follow records with a DID subject (https://docs.bsky.app/blog/repo-export,
// bluesky-social/atproto lexicons/app/bsky/graph/follow.json).
import { describe, expect, it } from 'vitest';
import { follow, repoCar } from '../helpers/car.js';
import { failureOf, readAs } from '../helpers/exports.js';
import { writeTree } from '../helpers/tree.js';

const records = {
  'app.bsky.actor.profile/self': { $type: 'app.bsky.actor.profile', displayName: 'Example City DSA' },
  'app.bsky.feed.post/3lexamplepost2': {
    $type: 'app.bsky.feed.post',
    text: 'hello',
    createdAt: '2025-01-01T00:00:00Z',
  },
  'app.bsky.graph.follow/3lexamplefol2': follow('did:plc:examplelakeside00000000'),
  'app.bsky.graph.follow/3lexamplefol3': follow('did:plc:examplepundit000000000'),
};

describe('Bluesky repo.car', () => {
  it('reads the DIDs of follow records only', async () => {
    const dir = await writeTree({ 'repo.car': await repoCar(records) });
    const list = await readAs('bluesky', `${dir}/repo.car`);
    expect(list.kind).toBe('export');
    expect(list.following.map((f) => [f.id, f.handle])).toEqual([
      ['did:plc:examplelakeside00000000', null],
      ['did:plc:examplepundit000000000', null],
    ]);
    expect(list.following[0]!.followedAt).toBe('2025-01-02T03:04:05.000Z');
  });

  it('refuses a truncated file and one missing a record', async () => {
    const car = await repoCar(records);
    const dir = await writeTree({
      'cut.car': car.subarray(0, car.length - 50),
      'missing.car': await repoCar(records, 'app.bsky.graph.follow/3lexamplefol3'),
    });
    expect(await failureOf('bluesky', `${dir}/cut.car`)).toMatch(/Bluesky repo\.car.*truncated or damaged/);
    expect(await failureOf('bluesky', `${dir}/missing.car`)).toMatch(/cannot be read to the end/);
  });

  it('says a repo.car is not an X file', async () => {
    const dir = await writeTree({ 'repo.car': await repoCar(records) });
    expect(await failureOf('x', `${dir}/repo.car`)).toMatch(/from Bluesky, but this account is on X/);
  });
});
