// RFC 3492 decoding, for the Unicode a domain label in its `xn--` form stands for: a Bluesky handle
// arrives as `xn--lkeside-2fg.example.org`, and only its Unicode form shows that it looks like
// `lakeside.example.org`. node:url has domainToUnicode, but the members' page runs this too.
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / 700) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  for (; d > ((BASE - T_MIN) * T_MAX) >> 1; k += BASE) d = Math.floor(d / (BASE - T_MIN));
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + 38));
}

const digit = (c: number) => (c < 58 ? c - 22 : c < 91 ? c - 65 : c - 97);

/** The Unicode of one label's punycode (what follows `xn--`); null where it is not valid. */
function decodeLabel(input: string): string | null {
  if (!/^[a-z0-9-]*$/i.test(input)) return null;
  const end = input.lastIndexOf('-');
  const out = end > 0 ? [...input.slice(0, end)].map((c) => c.charCodeAt(0)) : [];
  let n = 128;
  let bias = 72;
  let i = 0;
  for (let at = end > 0 ? end + 1 : 0; at < input.length; ) {
    const before = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (at >= input.length) return null;
      const d = digit(input.charCodeAt(at++));
      if (d < 0 || d >= BASE) return null;
      i += d * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (d < t) break;
      w *= BASE - t;
      if (i > 0x10ffff * BASE) return null;
    }
    bias = adapt(i - before, out.length + 1, before === 0);
    n += Math.floor(i / (out.length + 1));
    i %= out.length + 1;
    if (n > 0x10ffff) return null;
    out.splice(i++, 0, n);
  }
  return String.fromCodePoint(...out);
}

/** A domain name with each `xn--` label in its Unicode form (an invalid one stays as written). */
export function unicodeDomain(domain: string): string {
  return domain
    .split('.')
    .map((label) => (/^xn--/i.test(label) ? (decodeLabel(label.slice(4)) ?? label) : label))
    .join('.');
}
