import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Platform } from '../../src/model.js';
import { adapters, parsePlatformRef } from '../../src/platforms/registry.js';

// For random valid handles of each platform: every form a volunteer may write (handle, @handle,
// profile URLs with and without scheme or www., any letter case) reads as the same account,
// through the platform's own parser and through platform:… references; reading is idempotent.

const chars = (alphabet: string, min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max });
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const WORD = `${LOWER}${LOWER.toUpperCase()}0123456789_`;
const label = chars(`${LOWER}0123456789`, 1, 12).filter((s) => /^[a-z0-9]/.test(s));
const domain = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), chars(LOWER, 2, 6))
  .map(([labels, tld]) => [...labels, tld].join('.'));
const randomCase = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((ups) => [...text].map((c, i) => (ups[i] ? c.toUpperCase() : c)).join(''));
const notReserved = (reserved: string[]) => (h: string) => !reserved.includes(h.toLowerCase());

interface Case {
  handle: fc.Arbitrary<string>;
  /** Every accepted way to write the handle `h`. */
  forms(h: string): string[];
}

const CASES: Record<Platform, Case> = {
  x: {
    handle: chars(WORD, 1, 15).filter(
      notReserved(['home', 'explore', 'search', 'settings', 'messages', 'i', 'intent', 'share']),
    ),
    forms: (h) => [
      h,
      `@${h}`,
      `https://x.com/${h}`,
      `https://twitter.com/${h}/`,
      `x.com/${h}`,
      `https://www.x.com/${h}?s=20`,
      `https://mobile.twitter.com/${h}/status/1`,
      `https://x.com/intent/user?screen_name=${h}`,
    ],
  },
  bluesky: {
    handle: domain.filter((d) => !/^did\./.test(d)),
    forms: (h) => [h, `@${h}`, `https://bsky.app/profile/${h}`, `bsky.app/profile/${h}`],
  },
  mastodon: {
    // Instances may be named like the prefixes stripped from other platforms' hosts (m., www.).
    handle: fc
      .tuple(chars(WORD, 1, 20), fc.constantFrom('', 'm.', 'www.', 'web.'), domain)
      .map(([user, prefix, host]) => `${user}@${prefix}${host}`),
    forms: (h) => {
      const [user, host] = h.split('@');
      return [h, `@${h}`, `https://${host}/@${user}`, `https://${host}/users/${user}`];
    },
  },
  instagram: {
    handle: chars(`${WORD}.`, 1, 30).filter(
      (h) =>
        !/^\.+$/.test(h) &&
        notReserved(['p', 'reel', 'reels', 'stories', 'explore', 'accounts', 'direct', 'tv'])(h),
    ),
    forms: (h) => [
      h,
      `@${h}`,
      `https://www.instagram.com/${h}/`,
      `instagram.com/${h}?igsh=abc`,
      `https://instagram.com/_u/${h}`,
    ],
  },
  threads: {
    handle: chars(`${WORD}.`, 1, 30),
    forms: (h) => [h, `@${h}`, `https://www.threads.net/@${h}`, `https://threads.com/@${h}`],
  },
  tiktok: {
    handle: chars(`${WORD}.`, 1, 24),
    forms: (h) => [h, `@${h}`, `https://www.tiktok.com/@${h}`, `tiktok.com/@${h}?lang=en`],
  },
  twitch: {
    handle: chars(WORD, 1, 25).filter(notReserved(['directory', 'videos', 'settings', 'p', 'search'])),
    forms: (h) => [h, `@${h}`, `https://www.twitch.tv/${h}`, `twitch.tv/${h}/`],
  },
  youtube: {
    handle: chars(`${WORD}.-`, 1, 20),
    forms: (h) => [`@${h}`, `https://www.youtube.com/@${h}`, `youtube.com/@${h}/videos`],
  },
  facebook: {
    handle: fc
      .tuple(chars(LOWER, 1, 1), chars(`${WORD}.`, 4, 40))
      .map(([first, rest]) => first + rest)
      .filter((h) => !h.toLowerCase().endsWith('.php')),
    forms: (h) => [h, `https://www.facebook.com/${h}`, `fb.com/${h}`, `https://m.facebook.com/${h}/`],
  },
};

describe.each(Object.keys(CASES) as Platform[])('%s handles', (platform) => {
  const { handle, forms } = CASES[platform];
  const adapter = adapters[platform];
  const written = handle.chain((h) => randomCase(h).map((cased) => ({ h, cased })));

  it('read the same from every accepted form, directly and as platform:…', () => {
    fc.assert(
      fc.property(written, ({ h, cased }) => {
        const expected = { id: null, handle: adapter.normalizeHandle(h) };
        for (const form of forms(cased)) {
          expect(adapter.parse(form), form).toEqual(expected);
          expect(parsePlatformRef(`${platform}:${form}`), `${platform}:${form}`).toEqual({
            platform,
            ...expected,
          });
          if (/^https:\/\//.test(form))
            expect(parsePlatformRef(form), form).toEqual({ platform, ...expected });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('normalize idempotently, and read back their own profile URL', () => {
    fc.assert(
      fc.property(written, ({ cased }) => {
        const ref = adapter.parse(forms(cased)[0]!);
        if (typeof ref === 'string') throw new Error(ref);
        expect(adapter.normalizeHandle(ref.handle!)).toBe(ref.handle);
        expect(adapter.parse(ref.handle!)).toEqual(ref);
        expect(adapter.parse(adapter.profileUrl(ref)!)).toEqual(ref);
      }),
      { numRuns: 150 },
    );
  });
});
