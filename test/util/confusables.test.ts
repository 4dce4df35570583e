import { domainToUnicode } from 'node:url';
import { describe, expect, it } from 'vitest';
import { handleSkeleton, visibleHandle } from '../../src/core/identity.js';
import { skeleton } from '../../src/util/confusables.js';
import { unicodeDomain } from '../../src/util/punycode.js';
import { showCodePoints } from '../../src/util/text.js';

describe('skeleton: what a handle looks like', () => {
  it('reads the letters that pass for Latin ones as those', () => {
    const cyrillic = '\u0430\u0435\u043E\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u051B\u051D';
    expect(skeleton(cyrillic)).toBe('aeopcyxijsdqw');
    expect(skeleton('\u03BF\u03B1\u03BD\u03C1')).toBe('oavp');
    expect(skeleton('La\u212AesideDSA')).toBe('lakesidedsa');
    expect(skeleton('\uFF2C\uFF41\uFF4B\uFF45side')).toBe('lakeside');
    expect(skeleton('l\u0131keside')).toBe('likeside');
    expect(skeleton('Lake\u200Bside')).toBe('lakeside');
    expect(skeleton('\u212Bngstrom')).toBe(skeleton('\u00C5ngstrom'));
    expect(skeleton('\u0421\u0410\u0420\u0415')).toBe('cape');
  });

  it('leaves what looks like nothing Latin as it is', () => {
    expect(skeleton('\u041B\u0430\u0434\u0430')).toBe('\u043Ba\u0434a');
    expect(skeleton('caf\u00E9')).toBe('caf\u00E9');
  });
});

describe('how a handle is shown', () => {
  it('writes every character beyond ASCII as its code point', () => {
    expect(showCodePoints('La\u212AesideDSA')).toBe('La\\u212AesideDSA');
    expect(showCodePoints('a\u00E9\u{1F600}')).toBe('a\\u00E9\\u{1F600}');
  });

  it('shows code points where a handle could pass for another, else the handle as written', () => {
    expect(visibleHandle('x', 'La\u212AesideDSA')).toBe('La\\u212AesideDSA');
    expect(visibleHandle('x', '\u041B\u0430\u0434\u0430')).toBe('\\u041B\\u0430\\u0434\\u0430');
    expect(visibleHandle('youtube', 'L\u0430keside')).toBe('L\\u0430keside');
    expect(visibleHandle('youtube', '\u041B\u0430\u0434\u0430')).toBe('\u041B\u0430\u0434\u0430');
    expect(visibleHandle('youtube', '\u041B\u0430\u0434\u0430', true)).toBe('\\u041B\\u0430\\u0434\\u0430');
    expect(visibleHandle('x', 'LakesideDSA')).toBe('LakesideDSA');
  });
});

describe('IDN labels', () => {
  it('decode as node:url does, and an xn-- look-alike has the skeleton of the handle it resembles', () => {
    for (const d of [
      'xn--bcher-kva.example',
      'xn--strae-oqa.example',
      'xn--lkeside-2fg.example.org',
      'xn--80ak6aa92e.com',
      'xn--ls8h.la',
    ])
      expect(unicodeDomain(d)).toBe(domainToUnicode(d));
    expect(unicodeDomain('xn--!!.example')).toBe('xn--!!.example');
    expect(handleSkeleton('xn--lkeside-2fg.example.org')).toBe('lakeside.example.org');
    expect(handleSkeleton('kim@xn--lkeside-2fg.example.org')).toBe('kim@lakeside.example.org');
    expect(handleSkeleton('lakeside.example.org')).toBeNull();
  });
});
