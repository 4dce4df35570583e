import { describe, expect, it } from 'vitest';
import { resumeCursor, saveCursor } from '../../src/platforms/cursor.js';
import { liveContext, NOW } from '../helpers/live.js';

const context = liveContext('mastodon', 'examplecitydsa@mastodon.example.org', {
  apiUrl: 'http://127.0.0.1:9',
});
const asIs = (state: unknown) => state as { cursor: string };
const at = (iso: string) => ({ ...context, now: () => new Date(iso) });

describe('saved cursors', () => {
  it('come back for the same account within a day', () => {
    const saved = saveCursor(context, '42', { cursor: 'abc' });
    expect(saved).toEqual({
      platform: 'mastodon',
      accountId: '42',
      savedAt: NOW.toISOString(),
      state: { cursor: 'abc' },
    });
    const later = { ...at('2026-11-22T07:59:59Z'), resume: saved };
    expect(resumeCursor(later, '42', asIs)).toEqual({
      state: { cursor: 'abc' },
      savedAt: NOW.toISOString(),
      notes: [],
    });
  });

  it.each([
    ['a day old', { ...at('2026-11-22T08:00:00Z') }, '42', 'older than a day'],
    ['saved in the future (a clock set wrong)', { ...at('2026-11-20T08:00:00Z') }, '42', 'older than a day'],
    ['of another account', context, '43', 'another account (id 42)'],
  ])('are not continued when %s', (_, where, id, why) => {
    const resumed = resumeCursor(
      { ...where, resume: saveCursor(context, '42', { cursor: 'abc' }) },
      id,
      asIs,
    );
    expect(resumed.state).toBeNull();
    expect(resumed.notes[0]).toContain(why);
  });

  it('are not continued from another platform, or from an older snapshot that names no account', () => {
    const x = { ...saveCursor(context, '42', {}), platform: 'x' };
    expect(resumeCursor({ ...context, resume: x }, '42', asIs).notes[0]).toContain('another account');
    const legacy = { cursor: '80', items: [] };
    expect(resumeCursor({ ...context, resume: legacy }, '42', asIs).notes[0]).toContain(
      'does not say which account it belongs to',
    );
  });
});
