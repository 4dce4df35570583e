import type { Followed } from '../../model.js';
import { isRecord } from '../../util/record.js';

/** Where an incomplete X fetch stopped, with what it had fetched until then. */
type XResumeState = { token: string; following: Followed[] };

/** The saved state, if it is one (whose it is and how old is checked by platforms/cursor.ts). */
export function readXState(value: unknown): XResumeState | null {
  const state = value as { token?: unknown; following?: unknown } | null;
  if (!isRecord(state) || typeof state.token !== 'string' || state.token === '') return null;
  if (!Array.isArray(state.following)) return null;
  const following: Followed[] = [];
  for (const f of state.following as Record<string, unknown>[]) {
    if (!isRecord(f) || typeof f.id !== 'string') return null;
    const { handle, name, url } = f;
    if (!nullableText(handle) || !nullableText(name) || !nullableText(url)) return null;
    following.push({ id: f.id, handle, name, url });
  }
  return { token: state.token, following };
}
const nullableText = (v: unknown): v is string | null => v === null || typeof v === 'string';
