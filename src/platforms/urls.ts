/**
 * Splits a profile URL (with or without scheme) into host (no www./m./mobile./web.), the exact
 * hostname (for Mastodon, whose instances may be named m.… or www.…) and path parts.
 */
export function splitUrl(
  text: string,
): { host: string; hostname: string; segments: string[]; query: URLSearchParams } | null {
  const plain = PLAIN_URL.exec(text);
  if (plain && !DOT_SEGMENT.test(plain[2]!) && !plain[1]!.toLowerCase().includes('xn--')) {
    const hostname = plain[1]!.toLowerCase();
    return {
      host: hostname.replace(WEB_PREFIX, ''),
      hostname,
      segments: plain[2]!.split('/').filter(Boolean),
      query: new URLSearchParams(),
    };
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol)) return null;
  const hostname = url.hostname.toLowerCase();
  const host = hostname.replace(WEB_PREFIX, '');
  const segments = url.pathname
    .split('/')
    .filter(Boolean)
    .map((s) => safeDecode(s));
  return { host, hostname, segments, query: url.searchParams };
}

const WEB_PREFIX = /^(www|m|mobile|web)\./;
// Most links are written this plainly: `new URL` would give the same parts, at many times the cost.
// Anything else (a query, a port, escapes, non-ASCII or punycode, dot segments, a last label that
// `new URL` reads as an IPv4 number) goes through `new URL`.
const PLAIN_URL =
  /^(?:https?:\/\/)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z](?:[a-z0-9-]*[a-z0-9])?)((?:\/[\w.@~-]*)*)$/i;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;

/** True when text is a URL or starts with a host name followed by a path. */
export function looksLikeUrl(text: string): boolean {
  // Both forms hold a slash; most handles do not, and skip the two patterns.
  if (!text.includes('/')) return false;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(text);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export const stripAt = (text: string) => {
  const trimmed = text.trim();
  return trimmed.charCodeAt(0) === 64 ? trimmed.slice(1) : trimmed;
};

/** A link without its query and fragment: share buttons append trackers (?igsh=, ?si=, ?s=20). */
export function withoutTracking(text: string): string {
  return text.trim().replace(/[?#].*$/s, '');
}
