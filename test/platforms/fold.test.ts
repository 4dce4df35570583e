import { describe, expect, it } from 'vitest';
import { sameAccount } from '../../src/core/identity.js';
import { PLATFORMS } from '../../src/model.js';
import { foldUnicode } from '../../src/platforms/fold.js';
import { profiles } from '../../src/platforms/profiles.js';

const KELVIN = 'La\u212AesideDSA';
const ASCII_PLATFORMS = ['x', 'instagram', 'threads', 'tiktok', 'twitch'] as const;

describe('handles compared as each platform defines them', () => {
  it('never folds a character beyond ASCII into an ASCII handle', () => {
    for (const p of PLATFORMS) {
      const [kelvin, plain] =
        p === 'bluesky'
          ? ['la\u212Aeside.example.org', 'lakeside.example.org']
          : p === 'mastodon'
            ? [`${KELVIN}@example.org`, 'lakesidedsa@example.org']
            : [KELVIN, 'LakesideDSA'];
      expect(sameAccount(p, { handle: kelvin }, { handle: plain }), p).toBeNull();
      expect(profiles[p].normalizeHandle(kelvin), p).not.toBe(profiles[p].normalizeHandle(plain));
    }
  });

  it('still folds the case of ASCII letters and of other letters where the platform allows them', () => {
    for (const p of PLATFORMS)
      expect(sameAccount(p, { handle: '@Lakeside' }, { handle: 'lAKESIDE' }), p).toBe('handle');
    expect(sameAccount('youtube', { handle: 'Café' }, { handle: 'cafe\u0301' })).toBe('handle');
    expect(sameAccount('youtube', { handle: 'ÄRGER' }, { handle: 'ärger' })).toBe('handle');
  });

  it('refuses a handle beyond ASCII on the platforms whose handles are ASCII, naming the character', () => {
    for (const p of ASCII_PLATFORMS) {
      const message = profiles[p].parse(KELVIN);
      expect(message, p).toBeTypeOf('string');
      expect(message).toContain('"La\\u212AesideDSA"');
      expect(message).toMatch(/it has \\u212A, and .* handles are ASCII letters, digits/);
    }
    expect(profiles.x.parse('@Lakeside\u0430')).toMatch(
      /it has \\u0430, and X handles are ASCII letters, digits and _ only/,
    );
    expect(profiles.instagram.parse('lake.side')).toEqual({ id: null, handle: 'lake.side' });
    expect(profiles.mastodon.parse(`${KELVIN}@example.org`)).toMatch(
      /it has \\u212A, and Mastodon handles are ASCII/,
    );
  });

  it('compares Bluesky and Mastodon domains in their ASCII form', () => {
    expect(profiles.bluesky.parse('Bücher.example')).toEqual({ id: null, handle: 'xn--bcher-kva.example' });
    expect(sameAccount('bluesky', { handle: 'bücher.example' }, { handle: 'xn--bcher-kva.example' })).toBe(
      'handle',
    );
    expect(sameAccount('bluesky', { handle: 'BÜCHER.example' }, { handle: 'XN--BCHER-KVA.example' })).toBe(
      'handle',
    );
    expect(
      sameAccount('mastodon', { handle: 'kim@bücher.example' }, { handle: 'Kim@xn--bcher-kva.example' }),
    ).toBe('handle');
    expect(profiles.mastodon.parse('https://bücher.example/@kim')).toEqual({
      id: null,
      handle: 'kim@xn--bcher-kva.example',
    });
    // A name that becomes ASCII only by mapping a look-alike (Kelvin sign, fullwidth letters) is no
    // domain name here: it stays unmatched, and an allowlist cannot name it.
    expect(
      sameAccount('bluesky', { handle: '\uFF4Cakeside.example.org' }, { handle: 'lakeside.example.org' }),
    ).toBeNull();
    expect(profiles.bluesky.parse('la\u212Aeside.example.org')).toBeTypeOf('string');
    expect(profiles.bluesky.parse('bad domain.example')).toBeTypeOf('string');
  });

  it('lists every code point that NFC or toLowerCase turns into ASCII', () => {
    const into: string[] = [];
    for (let c = 0x80; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCodePoint(c);
      if (/^[\x00-\x7f]+$/.test(s.normalize('NFC').toLowerCase())) into.push(s);
    }
    for (const s of into) expect(foldUnicode(`a${s}b`), s.codePointAt(0)!.toString(16)).toBe(`a${s}b`);
  });
});
