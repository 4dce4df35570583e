/**
 * Splits a profile URL (with or without scheme) into host (no www./m./mobile./web.), the exact
 * hostname (for Mastodon, whose instances may be named m.… or www.…) and path parts.
 */
export function splitUrl(
  text: string,
): { host: string; hostname: string; segments: string[]; query: URLSearchParams } | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol)) return null;
  const hostname = url.hostname.toLowerCase();
  const host = hostname.replace(/^(www|m|mobile|web)\./, '');
  const segments = url.pathname
    .split('/')
    .filter(Boolean)
    .map((s) => safeDecode(s));
  return { host, hostname, segments, query: url.searchParams };
}

/** True when text is a URL or starts with a host name followed by a path. */
export function looksLikeUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(text);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export const stripAt = (text: string) => text.trim().replace(/^@/, '');

/** A link without its query and fragment: share buttons append trackers (?igsh=, ?si=, ?s=20). */
export function withoutTracking(text: string): string {
  return text.trim().replace(/[?#].*$/s, '');
}
