import type { Platform } from '../model.js';
import { adapters } from '../platforms/registry.js';
import type { RefInput } from './allowlist-schema.js';
import type { EntryRef } from './types.js';

/** Turns what a volunteer wrote for one platform into a matchable reference, or an explanation. */
export function toEntryRef(platform: Platform, input: RefInput): EntryRef | string {
  const adapter = adapters[platform];
  const written = typeof input === 'string' ? { handle: input } : input;
  const ref: EntryRef = {
    platform,
    id: written.id ?? null,
    handle: null,
    name: written.name ?? null,
    url: null,
  };
  for (const text of [written.url, written.handle]) {
    if (!text) continue;
    const parsed = adapter.parse(text);
    if (typeof parsed === 'string') return parsed;
    ref.id ??= parsed.id;
    ref.handle ??= parsed.handle;
  }
  ref.url = written.url ?? adapter.profileUrl(ref);
  if (typeof input !== 'string' && input.confirmed)
    ref.confirmed = { date: input.confirmed, by: input.confirmed_by ?? null };
  return ref;
}
