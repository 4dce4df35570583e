import { showCodePoints } from '../util/text.js';
import { asciiDomain, foldAscii, foldUnicode } from './fold.js';
import type { ParsedRef, PlatformAdapter } from './types.js';
import { looksLikeUrl, splitUrl, stripAt, withoutTracking } from './urls.js';

type UrlParts = NonNullable<ReturnType<typeof splitUrl>>;

/** A platform's handle and profile-URL rules: pure, so they also run in the members' page. */
export interface ProfileSpec extends Pick<PlatformAdapter, 'platform' | 'label' | 'hosts' | 'profileUrl'> {
  /** A valid handle after "@" is removed and case folded. */
  handlePattern: RegExp;
  /**
   * Where handles are ASCII only: what they are made of, for the message refusing any other
   * character ("letters, digits and _"). Only A–Z fold; any other character makes another handle.
   */
  asciiHandles?: string;
  /**
   * Where a handle holds a domain name (Bluesky: all of it; Mastodon: after the last "@"):
   * compared in its ASCII form, so `bücher.example` and `xn--bcher-kva.example` are one account.
   */
  domain?: 'whole' | 'after-at';
  /** An example, shown when a value cannot be read. */
  example: string;
  /** Reads a profile URL of one of `hosts` (or, with anyHost, of any host). */
  fromUrl(parts: UrlParts): ParsedRef | null;
  /** Reads forms other than a plain handle (a DID, a channel id, user@instance). */
  fromText?(text: string): ParsedRef | null;
  /** Mastodon profiles live on any instance. */
  anyHost?: boolean;
  /** Completes a handle a source wrote relative to the audited account `own` (else kept as is). */
  qualify?(handle: string, own: string): string;
}

const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;

/** What reading and writing a platform's account references takes, with no I/O. */
export type Profile = Pick<
  PlatformAdapter,
  'platform' | 'label' | 'hosts' | 'parse' | 'normalizeHandle' | 'asciiOnly' | 'qualifyHandle' | 'profileUrl'
>;

type AdapterSpec = ProfileSpec & Omit<PlatformAdapter, keyof Profile>;

/** Builds an adapter whose handles fold case, from the platform's URL and handle rules. */
export function defineAdapter(spec: AdapterSpec): PlatformAdapter {
  const { handlePattern, asciiHandles, domain, example, fromUrl, fromText, anyHost, qualify, ...adapter } =
    spec;
  return { ...adapter, ...defineProfile(spec) };
}

/** The parser and normalizer of a platform's handles, ids and profile URLs. */
export function defineProfile(spec: ProfileSpec): Profile {
  const { handlePattern, asciiHandles, example, fromUrl, fromText, anyHost, qualify } = spec;
  const foldOther = otherFold(spec);
  const normalizeHandle = (h: string) =>
    // Printable ASCII has no spaces to trim and is already NFC: skip both for the usual handle.
    PRINTABLE_ASCII.test(h) ? (h.charCodeAt(0) === 64 ? h.slice(1) : h).toLowerCase() : foldOther(stripAt(h));
  const finish = (ref: ParsedRef, text: string): ParsedRef | string => {
    if (ref.handle === null) return ref;
    const handle = normalizeHandle(ref.handle);
    if (!handlePattern.test(handle)) {
      const other = asciiHandles && otherChars(spec.domain ? ref.handle.split('@')[0]! : ref.handle);
      return other
        ? `${quoted(text)} is not ${an(spec.label)} handle: it has ${other}, and ${spec.label} handles are ASCII ${asciiHandles} only (a character that only looks like one is another account): write it like ${example}`
        : `${quoted(text)} is not ${an(spec.label)} handle: write it like ${example}`;
    }
    return { id: ref.id, handle };
  };
  return {
    platform: spec.platform,
    label: spec.label,
    hosts: spec.hosts,
    profileUrl: spec.profileUrl,
    normalizeHandle,
    asciiOnly: Boolean(asciiHandles),
    qualifyHandle: qualify ?? ((handle) => handle),
    parse(raw) {
      const text = raw.trim();
      if (!text) return `an empty ${spec.label} account`;
      const special = fromText?.(text);
      if (special) return finish(special, text);
      const urlLike = looksLikeUrl(text) || startsWithHost(text, spec.hosts);
      if (urlLike) {
        const parts = splitUrl(text);
        const shown = () => JSON.stringify(withoutTracking(text));
        if (!parts) return `${shown()} is not a valid link`;
        if (!anyHost && !spec.hosts.includes(parts.host)) {
          return `${shown()} is not ${an(spec.label)} profile link (expected one on ${spec.hosts[0]})`;
        }
        const ref = fromUrl(parts);
        if (!ref)
          return `${shown()} is not a link to ${an(spec.label)} account (a post or page instead?): open it, tap the account's name, and paste that profile's link, like ${example}`;
        return finish(ref, withoutTracking(text));
      }
      return finish({ id: null, handle: text }, text);
    },
  };
}

/** How a handle with characters beyond printable ASCII folds on this platform. */
function otherFold(spec: ProfileSpec): (handle: string) => string {
  if (spec.domain === 'whole') return (h) => asciiDomain(h) ?? foldAscii(h);
  if (spec.domain === 'after-at')
    return (h) => {
      const at = h.lastIndexOf('@');
      if (at < 0) return foldAscii(h);
      const host = h.slice(at + 1);
      return `${foldAscii(h.slice(0, at))}@${asciiDomain(host) ?? foldAscii(host)}`;
    };
  return spec.asciiHandles ? foldAscii : foldUnicode;
}

/** The characters of text beyond ASCII, as `\u212A`, for a message: none gives null. */
function otherChars(text: string): string | null {
  const other = [...new Set(text.match(/[^\x00-\x7f]/gu))];
  return other.length ? other.slice(0, 3).map(showCodePoints).join(', ') : null;
}

/** Text quoted for a message, with every character beyond ASCII made visible. */
const quoted = (text: string) => showCodePoints(JSON.stringify(text));

/** Whether text starts with one of the hosts and a slash, as in `x.com/name`. */
function startsWithHost(text: string, hosts: readonly string[]): boolean {
  if (!text.includes('/')) return false;
  const lower = text.toLowerCase().replace(/^www\./, '');
  return hosts.some((h) => lower.startsWith(`${h}/`));
}

/** The first path segment, unless it is one of the platform's reserved pages. */
export function firstSegment(parts: UrlParts, reserved: readonly string[] = []): string | null {
  const first = parts.segments[0];
  if (!first || reserved.includes(first.toLowerCase())) return null;
  return first;
}

/** "an X", "an Instagram", "a Bluesky". */
export const an = (label: string) => `${/^[AEIOX]/.test(label) ? 'an' : 'a'} ${label}`;
