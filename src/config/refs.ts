import type { Platform } from '../model.js';
import { adapters } from '../platforms/registry.js';
import { type Parsed, parsed } from '../util/parsed.js';
import type { RefInput } from './allowlist-schema.js';
import type { EntryRef } from './types.js';

/** Turns what a volunteer wrote for one platform into a matchable reference, or an explanation. */
export function toEntryRef(platform: Platform, input: RefInput): Parsed<EntryRef> {
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
    const read = parsed(adapter.parse(text));
    if (!read.ok) return read;
    ref.id ??= read.value.id;
    ref.handle ??= read.value.handle;
  }
  ref.url = written.url ?? adapter.profileUrl(ref);
  if (typeof input !== 'string' && input.confirmed)
    ref.confirmed = { date: input.confirmed, by: input.confirmed_by ?? null };
  return { ok: true, value: ref };
}
