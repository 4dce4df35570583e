import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IdentityCache } from '../../src/store/identities.js';

const entry = { handle: 'ExampleLakesideDSA', name: 'Lakeside', seen: '2026-11-20T00:00:00.000Z' };

async function cacheWith(content: unknown): Promise<IdentityCache> {
  const dir = await mkdtemp(join(tmpdir(), 'identities-'));
  await mkdir(join(dir, '.follow-audit'));
  await writeFile(join(dir, '.follow-audit/identities.json'), JSON.stringify(content));
  return IdentityCache.load(dir);
}

describe('the identity cache', () => {
  it('names an id from a well-formed file', async () => {
    const cache = await cacheWith({ schemaVersion: 1, identities: { x: { '1000000001': entry } } });
    expect(cache.lookup('x', '1000000001')).toEqual(entry);
    expect(cache.lookup('x', '1000000002')).toBeNull();
  });

  it.each([
    ['another schema version', { schemaVersion: 2, identities: { x: { '1': entry } } }],
    ['an unknown platform', { schemaVersion: 1, identities: { x: { '1': entry }, myspace: {} } }],
    ['an empty handle', { schemaVersion: 1, identities: { x: { '1': { ...entry, handle: '' } } } }],
    ['a numeric name', { schemaVersion: 1, identities: { x: { '1': { ...entry, name: 5 } } } }],
    ['no seen time', { schemaVersion: 1, identities: { x: { '1': { handle: 'a', name: null } } } }],
    ['a list for a table', { schemaVersion: 1, identities: { x: { '1': entry }, bluesky: [entry] } }],
    ['no identities', { schemaVersion: 1 }],
    ['not an object', [1, 2]],
    // Each case above but the last two holds x:1 beside its damage: a lax reader would name it.
  ])('starts empty from a file with %s', async (_, content) => {
    const cache = await cacheWith(content);
    expect(cache.lookup('x', '1')).toBeNull();
  });
});
