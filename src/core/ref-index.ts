import type { EntryRef } from '../config/types.js';
import type { AccountRef, Platform } from '../model.js';
import { profiles } from '../platforms/profiles.js';

export interface RefMatch<T> {
  item: T;
  ref: EntryRef;
  via: 'id' | 'handle';
}

/**
 * Finds the items (allowlist entries, exceptions) whose account references name a followed
 * account: by stable id when both sides have one, else by normalized handle.
 */
export class RefIndex<T> {
  private readonly byId = new Map<string, { item: T; ref: EntryRef }[]>();
  private readonly byHandle = new Map<string, { item: T; ref: EntryRef }[]>();

  add(ref: EntryRef, item: T): void {
    if (ref.id) push(this.byId, `${ref.platform}\u0000${ref.id}`, { item, ref });
    if (ref.handle) push(this.byHandle, `${ref.platform}\u0000${ref.handle}`, { item, ref });
  }

  find(platform: Platform, account: AccountRef): RefMatch<T>[] {
    const found: RefMatch<T>[] = [];
    if (account.id) {
      for (const hit of this.byId.get(`${platform}\u0000${account.id}`) ?? [])
        found.push({ ...hit, via: 'id' });
    }
    if (account.handle) {
      const handle = profiles[platform].normalizeHandle(account.handle);
      for (const hit of this.byHandle.get(`${platform}\u0000${handle}`) ?? []) {
        // Both sides know the id and it differs: the handle now belongs to someone else.
        if (hit.ref.id && account.id && hit.ref.id !== account.id) continue;
        if (hit.ref.id && account.id) continue; // already found by id
        found.push({ ...hit, via: 'handle' });
      }
    }
    return found;
  }
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Display names compared for a person to confirm: Unicode-normalized, case-folded, spaces collapsed. */
export function foldName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}
