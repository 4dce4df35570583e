import type { EntryRef } from '../config/types.js';
import type { AccountRef, Platform } from '../model.js';
import { profiles } from '../platforms/profiles.js';

export interface RefMatch<T> {
  item: T;
  ref: EntryRef;
  /** "name": a display name a person has confirmed (`confirmed:` in the entry). */
  via: 'id' | 'handle' | 'name';
}

/**
 * Finds the items (allowlist entries, exceptions) whose account references name a followed
 * account: by stable id when both sides have one, else by normalized handle.
 */
export class RefIndex<T> {
  // Per platform, then by id or normalized handle; the matches are built once, not per lookup.
  private readonly byId = new Map<Platform, Map<string, RefMatch<T>[]>>();
  private readonly byHandle = new Map<Platform, Map<string, RefMatch<T>[]>>();
  private readonly byHandleWithoutId = new Map<Platform, Map<string, RefMatch<T>[]>>();

  add(ref: EntryRef, item: T): void {
    if (ref.id) push(this.byId, ref.platform, ref.id, { item, ref, via: 'id' });
    if (!ref.handle) return;
    const match: RefMatch<T> = { item, ref, via: 'handle' };
    push(this.byHandle, ref.platform, ref.handle, match);
    if (!ref.id) push(this.byHandleWithoutId, ref.platform, ref.handle, match);
  }

  /** `handle`: the account's handle already normalized, when the caller has it. */
  find(
    platform: Platform,
    account: AccountRef,
    handle = account.handle ? profiles[platform].normalizeHandle(account.handle) : null,
  ): readonly RefMatch<T>[] {
    const byId = account.id ? this.byId.get(platform)?.get(account.id) : undefined;
    // A reference with an id that the follow also has was found by id, or (when the ids differ)
    // names someone the handle now belongs to: only id-less references match by handle here.
    const handles = (account.id ? this.byHandleWithoutId : this.byHandle).get(platform);
    const byHandle = handle && handles ? handles.get(handle) : undefined;
    if (!byHandle) return byId ?? NONE;
    return byId ? [...byId, ...byHandle] : byHandle;
  }
}

const NONE: never[] = [];

function push<V>(index: Map<Platform, Map<string, V[]>>, platform: Platform, key: string, value: V): void {
  let map = index.get(platform);
  if (!map) {
    map = new Map();
    index.set(platform, map);
  }
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Display names compared for a person to confirm: Unicode-normalized, case-folded, spaces collapsed. */
export function foldName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}
