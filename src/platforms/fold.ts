// How handles with characters beyond printable ASCII compare. A fold must never turn another
// character into an ASCII letter: `La\u212AesideDSA` (the Kelvin sign) is another account than
// `LakesideDSA`, yet NFC maps U+212A to "K" and toLowerCase to "k".

/** Lowers A–Z only: every other character stays, so it never equals an ASCII handle. */
export const foldAscii = (text: string) => text.replace(/[A-Z]+/g, (s) => s.toLowerCase());

// The only code points that NFC or toLowerCase turn into ASCII (test/platforms/fold.test.ts
// checks every code point): the Greek question mark, the Greek varia, the Kelvin sign.
const INTO_ASCII = /([\u037E\u1FEF\u212A])/;

/** NFC and case folded, except the characters that would fold into ASCII, kept as they are. */
export function foldUnicode(text: string): string {
  return text
    .split(INTO_ASCII)
    .map((part, i) => (i % 2 ? part : part.normalize('NFC').toLowerCase()))
    .join('');
}

/**
 * A domain name in its ASCII form, the one DNS and the AT Protocol use: each label written in
 * Unicode becomes its `xn--` form, ASCII labels are lowered. Null where it is not a domain name,
 * or where a label would become ASCII only by mapping a look-alike (`la\u212Aeside`, fullwidth
 * letters): such a name only looks like the ASCII one.
 */
export function asciiDomain(text: string): string | null {
  if (!/^[^\s/\\@:?#%[\]]+$/u.test(text)) return null;
  let host: string;
  try {
    // The URL parser applies IDNA as node:url's domainToASCII does, and runs in a browser too.
    host = new URL(`http://${text}/`).hostname;
  } catch {
    return null;
  }
  const written = text.split('.');
  const ascii = host.split('.');
  if (ascii.length !== written.length) return null;
  const same = written.every((label, i) =>
    /^[\x21-\x7e]*$/.test(label) ? foldAscii(label) === ascii[i] : ascii[i]!.startsWith('xn--'),
  );
  return same ? host : null;
}
