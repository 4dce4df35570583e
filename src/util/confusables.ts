// Handles that only look like another. Unicode's confusables (UTS #39, confusables.txt) are the
// reference; this is the small part of it that passes for Latin letters in a handle. NFKC first
// takes care of fullwidth forms, letterlike symbols (U+212A KELVIN SIGN is K, U+212B ANGSTROM
// SIGN is Å) and mathematical letters.

// Each Latin letter, and the letters of other scripts that pass for it (upper and lower case).
const LOOKS_LATIN: Record<string, string> = {
  a: '\u0430\u0410\u03B1\u0391\u0251', // Cyrillic а А, Greek α Α, Latin ɑ
  b: '\u0412\u0392', // Cyrillic В, Greek Β
  c: '\u0441\u0421\u03F2', // Cyrillic с С, Greek ϲ
  d: '\u0501', // Cyrillic ԁ
  e: '\u0435\u0415\u0395', // Cyrillic е Е, Greek Ε
  g: '\u050D\u0261', // Cyrillic ԍ, Latin ɡ
  h: '\u04BB\u041D\u0397', // Cyrillic һ Н, Greek Η
  i: '\u0456\u0406\u03B9\u0399\u0131\u0269', // Cyrillic і І, Greek ι Ι, dotless ı, Latin ɩ
  j: '\u0458\u0408\u0237\u03F3', // Cyrillic ј Ј, dotless ȷ, Greek ϳ
  k: '\u041A\u039A', // Cyrillic К, Greek Κ
  l: '\u04CF\u04C0', // Cyrillic ӏ Ӏ (palochka)
  m: '\u041C\u039C', // Cyrillic М, Greek Μ
  n: '\u039D', // Greek Ν
  o: '\u043E\u041E\u03BF\u039F\u0585', // Cyrillic о О, Greek ο Ο, Armenian օ
  p: '\u0440\u0420\u03C1\u03A1', // Cyrillic р Р, Greek ρ Ρ
  q: '\u051B', // Cyrillic ԛ
  s: '\u0455\u0405', // Cyrillic ѕ Ѕ
  t: '\u0422\u03A4', // Cyrillic Т, Greek Τ
  u: '\u03C5', // Greek υ
  v: '\u03BD\u0475', // Greek ν, Cyrillic ѵ
  w: '\u051D\u051C', // Cyrillic ԝ Ԝ
  x: '\u0445\u0425\u03A7', // Cyrillic х Х, Greek Χ
  y: '\u0443\u0423\u03A5\u04AF\u04AE', // Cyrillic у У, Greek Υ, Cyrillic ү Ү
  z: '\u0396', // Greek Ζ
};
const LATIN = new Map(
  Object.entries(LOOKS_LATIN).flatMap(([latin, others]) => [...others].map((c) => [c, latin])),
);
const LOOKALIKE = new RegExp(`[${Object.values(LOOKS_LATIN).join('')}]`, 'gu');
// Zero-width and other invisible characters: nothing a reader could see.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * What a handle looks like: two handles with the same skeleton are hard to tell apart on screen.
 * NFKC, invisible characters dropped, the letters above as the Latin ones they pass for, lowercase.
 */
export function skeleton(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(LOOKALIKE, (c) => LATIN.get(c)!)
    .toLowerCase();
}
