import { type AccountRef, type FollowingList, PLATFORMS, type Platform } from '../model.js';
import { plural } from '../util/text.js';
import { keepFile, readJson } from './files.js';
import type { Keeper } from './keep.js';
import { IDENTITIES_FILE, identitiesPath } from './layout.js';

interface Identity {
  handle: string;
  name: string | null;
  seen: string;
}
type Known = Partial<Record<Platform, Record<string, Identity>>>;

const isIdentity = (v: unknown): v is Identity => {
  const i = v as Identity;
  return (
    typeof i === 'object' &&
    i !== null &&
    typeof i.handle === 'string' &&
    i.handle !== '' &&
    (i.name === null || typeof i.name === 'string') &&
    typeof i.seen === 'string'
  );
};

/**
 * The cache's identities, or null when the file is not one. Checked by hand rather than with a
 * schema: it holds every account ever seen, and is read on every audit.
 */
function readKnown(value: unknown): Known | null {
  const file = value as { schemaVersion?: unknown; identities?: unknown };
  if (typeof file !== 'object' || file === null || file.schemaVersion !== 1) return null;
  const identities = file.identities as Record<string, unknown>;
  if (typeof identities !== 'object' || identities === null || Array.isArray(identities)) return null;
  for (const [platform, table] of Object.entries(identities)) {
    if (!(PLATFORMS as readonly string[]).includes(platform)) return null;
    if (typeof table !== 'object' || table === null || Array.isArray(table)) return null;
    for (const id in table) if (!isIdentity((table as Record<string, unknown>)[id])) return null;
  }
  return identities as Known;
}

export class IdentityCache {
  private changed = false;

  private constructor(
    private readonly path: string,
    private readonly known: Known,
  ) {}

  /** The audit folder's cache; an unreadable one is a cache miss, rebuilt from what comes next. */
  static async load(dir: string): Promise<IdentityCache> {
    const path = identitiesPath(dir);
    let known: Known = {};
    try {
      known = readKnown(await readJson(path)) ?? {};
    } catch {
      // missing or not JSON: start empty
    }
    return new IdentityCache(path, known);
  }

  /** Keeps the pairs of accounts a source named with both id and handle; the newest wins. */
  learn(platform: Platform, refs: readonly AccountRef[], seen: string): void {
    this.known[platform] ??= {};
    const table = this.known[platform];
    for (const ref of refs) {
      if (!ref.id || !ref.handle) continue;
      const old = table[ref.id];
      if (old && old.seen > seen) continue;
      if (old?.handle === ref.handle && old.name === (ref.name ?? old.name)) continue;
      table[ref.id] = { handle: ref.handle, name: ref.name ?? old?.name ?? null, seen };
      this.changed = true;
    }
  }

  /** The handle (and name) last seen for an id. Never gives an id for a handle: handles move. */
  lookup(platform: Platform, id: string): Identity | null {
    return this.known[platform]?.[id] ?? null;
  }

  /** Writes what was learned; where it cannot (a read-only checkout), the keeper notes it. */
  async save(keeper: Keeper): Promise<void> {
    if (!this.changed) return;
    // Compact: a cache read by the tool, with an entry for every account ever seen.
    const text = `${JSON.stringify({ schemaVersion: 1, identities: this.known })}\n`;
    if (await keeper.keep(`the ids learned (${IDENTITIES_FILE})`, () => keepFile(this.path, text)))
      this.changed = false;
  }
}

/**
 * Learns the id↔handle pairs the lists give, and names their id-only follows from the cache, so
 * reports show handles and handle-only allowlist entries match. The id stays what the source said.
 */
export async function rememberIdentities(
  dir: string,
  lists: FollowingList[],
  now: Date,
  keeper: Keeper,
): Promise<FollowingList[]> {
  const cache = await IdentityCache.load(dir);
  for (const list of lists) cache.learn(list.platform, list.following, list.fetchedAt ?? now.toISOString());
  await cache.save(keeper);
  return lists.map((list) => {
    // Most sources give handles: such a list is kept as it is, not copied.
    if (!list.following.some((f) => f.id && !f.handle)) return list;
    let named = 0;
    const following = list.following.map((f) => {
      const known = f.id && !f.handle ? cache.lookup(list.platform, f.id) : null;
      if (!known) return f;
      named++;
      return { ...f, handle: known.handle, name: f.name ?? known.name };
    });
    if (named === 0) return list;
    const note = `${plural(named, 'account')} named from ${IDENTITIES_FILE} (the export gives ids only)`;
    return { ...list, following, notes: [...list.notes, note] };
  });
}
