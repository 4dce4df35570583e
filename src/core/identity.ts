// The one definition of "the same account". It is the only part of the core that knows about
// platforms: handles are compared, and written references read, by each platform's profile rules.
import { type AccountRef, PLATFORMS, type Platform, type PlatformRef } from '../model.js';
import { parsePlatformRef, profiles, toPlatform } from '../platforms/profiles.js';
import { looksLikeUrl } from '../platforms/urls.js';
import { skeleton } from '../util/confusables.js';
import { type Parsed, parsed } from '../util/parsed.js';
import { unicodeDomain } from '../util/punycode.js';
import { showCodePoints } from '../util/text.js';

/** Whatever identifies an account; anything unknown is null or absent. */
export type Identifying = Partial<Pick<AccountRef, 'id' | 'handle' | 'name'>>;

/** How two references were found to name the same account. */
export type Via = 'id' | 'handle' | 'name';

export const normalizeHandle = (platform: Platform, handle: string): string =>
  profiles[platform].normalizeHandle(handle);

const ASCII = /^[\x00-\x7f]*$/;

/**
 * A handle as reports show it. Where it could pass for another (on a platform whose handles are
 * ASCII, where it looks like an ASCII handle, or where it resembles an allowlisted one) its
 * characters beyond ASCII are written as code points: `La\u212AesideDSA`, not a second LakesideDSA.
 */
export function visibleHandle(platform: Platform | null, handle: string, looksLike = false): string {
  if (ASCII.test(handle)) return handle;
  const passes =
    looksLike || (platform !== null && profiles[platform].asciiOnly) || ASCII.test(skeleton(handle));
  return passes ? showCodePoints(handle) : handle;
}

/**
 * What a handle beyond ASCII looks like (util/confusables.ts), its domain's `xn--` labels read as
 * the Unicode they stand for; null for an ASCII handle.
 */
export function handleSkeleton(handle: string): string | null {
  const idn = handle.includes('xn--');
  if (!idn && ASCII.test(handle)) return null;
  const at = handle.lastIndexOf('@') + 1;
  const shown = idn ? handle.slice(0, at) + unicodeDomain(handle.slice(at)) : handle;
  return ASCII.test(shown) ? null : skeleton(shown.trim().replace(/^@/, ''));
}

/** The account's profile page, built from its handle or id, where the platform has one. */
export const profileUrl = (platform: Platform, ref: Pick<AccountRef, 'id' | 'handle'>): string | null =>
  profiles[platform].profileUrl(ref);

/** `platform:handle`, `platform:id:<id>`, @user@instance or a profile link of any platform. */
export const refOfText = (text: string): Parsed<PlatformRef> => parsed(parsePlatformRef(text));

/** A handle, id or profile link read on one platform. */
export function refOn(platform: Platform, text: string): Parsed<PlatformRef> {
  const ref = parsed(profiles[platform].parse(text));
  return ref.ok ? { ok: true, value: { platform, ...ref.value } } : ref;
}

/** A handle, id or link read on every platform where it is one, in PLATFORMS order. */
export const refsOnAny = (text: string): PlatformRef[] =>
  PLATFORMS.flatMap((p) => {
    const ref = refOn(p, text);
    return ref.ok ? [ref.value] : [];
  });

/** Whether the text says its platform itself: a link, or a platform's name before a colon. */
export function namesItsPlatform(text: string): boolean {
  const prefix = /^([a-z]+):/i.exec(text)?.[1];
  return looksLikeUrl(text) || (prefix !== undefined && toPlatform(prefix) !== null);
}

/** Display names compared for a person to confirm: Unicode-normalized, case-folded, spaces collapsed. */
export function foldName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Whether two references name the same account, and by what. Ids decide where both sides have
 * one (a handle can pass to someone else; an id cannot), else normalized handles where both
 * have one, else folded display names, but only between accounts known by nothing else.
 */
export function sameAccount(platform: Platform, a: Identifying, b: Identifying): Via | null {
  if (a.id && b.id) return a.id === b.id ? 'id' : null;
  if (a.handle && b.handle)
    return normalizeHandle(platform, a.handle) === normalizeHandle(platform, b.handle) ? 'handle' : null;
  if (a.id || a.handle || b.id || b.handle || !a.name || !b.name) return null;
  return foldName(a.name) === foldName(b.name) ? 'name' : null;
}

/** A key for an account as one source names it: its id, else its normalized handle, else its name. */
export function accountKey(platform: Platform, ref: Identifying): string {
  if (ref.id) return `id:${ref.id}`;
  if (ref.handle) return `@${normalizeHandle(platform, ref.handle)}`;
  return `name:${foldName(ref.name ?? '')}`;
}

/** A map from a key to every value added under it. */
export class MultiMap<K, V> {
  private readonly map = new Map<K, V[]>();

  add(key: K, value: V): void {
    const list = this.map.get(key);
    if (list) list.push(value);
    else this.map.set(key, [value]);
  }

  get(key: K): readonly V[] | undefined {
    return this.map.get(key);
  }

  entries(): IterableIterator<[K, V[]]> {
    return this.map.entries();
  }
}

export interface AccountMatch<T> {
  item: T;
  ref: Identifying;
  via: Via;
}

/**
 * Finds the items whose references name an account by the rule of `sameAccount`, with one map
 * lookup per kind of key instead of a comparison with every reference.
 */
export class AccountIndex<T> {
  private readonly byId = new MultiMap<string, AccountMatch<T>>();
  private readonly byHandle = new MultiMap<string, AccountMatch<T>>();
  private readonly byHandleWithoutId = new MultiMap<string, AccountMatch<T>>();
  private readonly byBareName = new MultiMap<string, AccountMatch<T>>();

  /** `names`: whether display names alone match (never for what allows a follow). */
  constructor(
    private readonly platform: Platform,
    private readonly names: boolean,
  ) {}

  add(ref: Identifying, item: T): void {
    if (ref.id) this.byId.add(ref.id, { item, ref, via: 'id' });
    if (ref.handle) {
      const match: AccountMatch<T> = { item, ref, via: 'handle' };
      const handle = normalizeHandle(this.platform, ref.handle);
      this.byHandle.add(handle, match);
      if (!ref.id) this.byHandleWithoutId.add(handle, match);
    } else if (!ref.id && ref.name && this.names) {
      this.byBareName.add(foldName(ref.name), { item, ref, via: 'name' });
    }
  }

  /** `handle`: the account's handle already normalized, when the caller has it. */
  find(
    account: Identifying,
    handle = account.handle && normalizeHandle(this.platform, account.handle),
  ): readonly AccountMatch<T>[] {
    if (!account.id && !handle)
      return (this.names && account.name && this.byBareName.get(foldName(account.name))) || NONE;
    const byId = account.id ? this.byId.get(account.id) : undefined;
    // A reference with an id that the account also has was found by id, or (when the ids
    // differ) names someone the handle now belongs to: only id-less references match by handle.
    const byHandle = handle ? (account.id ? this.byHandleWithoutId : this.byHandle).get(handle) : undefined;
    if (!byHandle) return byId ?? NONE;
    return byId ? [...byId, ...byHandle] : byHandle;
  }
}

const NONE: readonly never[] = [];

/** One index per platform, for items whose references may name accounts on any platform. */
export class PlatformIndex<T> {
  private readonly indexes = new Map<Platform, AccountIndex<T>>();

  constructor(private readonly names: boolean) {}

  add(platform: Platform, ref: Identifying, item: T): void {
    let index = this.indexes.get(platform);
    if (!index) {
      index = new AccountIndex<T>(platform, this.names);
      this.indexes.set(platform, index);
    }
    index.add(ref, item);
  }

  find(platform: Platform, account: Identifying, handle?: string | null): readonly AccountMatch<T>[] {
    return this.indexes.get(platform)?.find(account, handle ?? undefined) ?? NONE;
  }
}
