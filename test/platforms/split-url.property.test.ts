import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitUrl } from '../../src/platforms/urls.js';

// splitUrl reads plainly written links without `new URL`; whatever it reads that way must be
// exactly what `new URL` gives for the same text.
function throughUrl(text: string) {
  const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  const hostname = url.hostname.toLowerCase();
  return {
    host: hostname.replace(/^(www|m|mobile|web)\./, ''),
    hostname,
    segments: url.pathname
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s)),
    query: [...url.searchParams],
  };
}

const piece = (alphabet: string, max: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: 0, maxLength: max });
const ALNUM = 'abcXYZ019';
const label = fc
  .tuple(fc.constantFrom(...ALNUM), piece(`${ALNUM}-`, 6), fc.constantFrom(...ALNUM))
  .map(([a, b, c]) => a + b + c);
const host = fc
  .tuple(
    fc.constantFrom('', 'www.', 'm.', 'WWW.', 'web.'),
    fc.array(label, { minLength: 1, maxLength: 3 }),
    label,
  )
  .map(([prefix, labels, last]) => prefix + [...labels, last].join('.'));
const path = fc.array(piece('aZ09_.@~-', 8), { maxLength: 4 }).map((s) => s.map((x) => `/${x}`).join(''));
const scheme = fc.constantFrom('', 'https://', 'http://', 'HTTPS://');

describe('splitUrl', () => {
  it('reads plain links exactly as new URL does', () => {
    fc.assert(
      fc.property(scheme, host, path, (s, h, p) => {
        const text = s + h + p;
        let expected: ReturnType<typeof throughUrl> | null;
        try {
          expected = throughUrl(text);
        } catch {
          expected = null; // `new URL` refuses it (a numeric last label): so must splitUrl
        }
        const parts = splitUrl(text);
        if (expected) expect({ ...parts, query: [...parts!.query] }).toEqual(expected);
        else expect(parts).toBeNull();
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    'https://x.com/a/../b',
    'https://x.com/./b',
    'https://x.com/%41bc',
    'https://x.com:443/abc',
    'https://user@x.com/abc',
    'https://x.com/abc?s=20',
    'https://x.com./abc',
    'https://bücher.example/abc',
    'https://xn--bcher-kva.example/abc',
  ])('leaves %s to new URL', (text) => {
    const parts = splitUrl(text)!;
    expect({ ...parts, query: [...parts.query] }).toEqual(throughUrl(text));
  });

  it.each(['https://aa.01/abc', 'aa.0x1f/abc'])('refuses %s as new URL does', (text) => {
    expect(() => new URL(`https://${text.replace(/^https:\/\//, '')}`)).toThrow();
    expect(splitUrl(text)).toBeNull();
  });
});
