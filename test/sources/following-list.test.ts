import { describe, expect, it } from 'vitest';
import { followingList } from '../../src/model.js';

// Every source makes its list through followingList: complete exactly when no reason says otherwise.

const owner = { name: 'chapter-x', platform: 'x', handle: 'examplecitydsa' } as const;

describe('followingList', () => {
  it('is complete with no reason, and names whose list it is', () => {
    expect(followingList(owner, { source: 'csv', file: 'a.csv', incomplete: null })).toEqual({
      platform: 'x',
      account: 'chapter-x',
      handle: 'examplecitydsa',
      source: 'csv',
      file: 'a.csv',
      fetchedAt: null,
      complete: true,
      error: null,
      following: [],
      notes: [],
    });
  });

  it('is incomplete with its reason, keeping what was read', () => {
    const followed = { id: '1', handle: 'exampleunion', name: null, url: null };
    const list = followingList(owner, {
      source: 'api',
      listDate: null,
      following: [followed],
      incomplete: 'the rate limit ran out',
    });
    expect(list).toMatchObject({ complete: false, error: 'the rate limit ran out', listDate: null });
    expect(list.following).toEqual([followed]);
  });
});
