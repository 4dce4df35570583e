const HIDDEN = '[redacted]';
/** No run this long of any form of a secret may be shown: a fragment is as bad as the whole. */
const RUN = 8;
/** Shorter values are not treated as secrets, so that a one-letter variable cannot blank out every message. */
const MIN_SECRET = 6;

/** The environment variables that hold credentials (docs/sources.md). */
export const SECRET_VARS = [
  'X_BEARER_TOKEN',
  'YOUTUBE_API_KEY',
  'TWITCH_CLIENT_ID',
  'TWITCH_TOKEN',
  'MASTODON_TOKEN',
] as const;

export type Redact = (text: string) => string;
const nothingToHide: Redact = (text) => text;

/**
 * Removes secrets (tokens, keys) from text that may be shown or kept: an error message, a
 * server's answer that echoes the request, a URL, a whole report. Applied to the whole text,
 * before anything cuts it, it hides every run of 8 or more characters of every form a secret
 * takes on the wire: as given, %-encoded or decoded, JSON-escaped, and base64 at any alignment
 * (a `Basic` header of `id:secret`).
 */
export function redactor(secrets: readonly (string | null | undefined)[]): Redact {
  const forms = new Set<string>();
  for (const secret of secrets) {
    const value = secret?.trim();
    if (value && value.length >= MIN_SECRET) for (const form of wireForms(value)) forms.add(form);
  }
  if (forms.size === 0) return nothingToHide;
  const short = [...forms].filter((f) => f.length < RUN);
  const runs = new RunIndex([...forms].filter((f) => f.length >= RUN));
  return (text) => runs.hide(short.reduce((out, form) => out.split(form).join(HIDDEN), text));
}

/** A redactor for the credentials an environment holds. */
export function envRedactor(env: Readonly<Record<string, string | undefined>>): Redact {
  return redactor(SECRET_VARS.map((name) => env[name]));
}

const known = new Set<string>();
let redactKnownNow: Redact = nothingToHide;

/**
 * Remembers the credentials of an environment this process has read (its own, a folder's .env),
 * for `redactKnown`: the last guard on everything the tool prints or writes.
 */
export function keepSecretsOf(env: Readonly<Record<string, string | undefined>>): void {
  const before = known.size;
  for (const name of SECRET_VARS) {
    const value = env[name]?.trim();
    if (value) known.add(value);
  }
  if (known.size !== before) redactKnownNow = redactor([...known]);
}

/** Text with every credential this process has read hidden. */
export function redactKnown(text: string): string {
  return redactKnownNow(text);
}

/** Every value of an object tree with its strings redacted; the same object when nothing was hidden. */
export function redactDeep<T>(value: T, redact: Redact): T {
  if (redact === nothingToHide) return value;
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) {
    const out = value.map((v) => redactDeep(v, redact));
    return (out.some((v, i) => v !== value[i]) ? out : value) as T;
  }
  if (typeof value === 'object' && value !== null) {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = redactDeep(v, redact);
      changed ||= out[k] !== v;
    }
    return (changed ? out : value) as T;
  }
  return value;
}

function wireForms(secret: string): string[] {
  const plain = new Set([secret, decoded(secret, false), decoded(secret, true)]);
  for (const p of [...plain]) {
    const encoded = encodeURIComponent(p);
    plain.add(encoded).add(encoded.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()));
    plain.add(JSON.stringify(p).slice(1, -1));
  }
  const forms = new Set(plain);
  for (const p of plain) for (const b of base64Cores(p)) forms.add(b);
  return [...forms].filter((f) => f.length >= MIN_SECRET);
}

function decoded(text: string, plusIsSpace: boolean): string {
  try {
    return decodeURIComponent(plusIsSpace ? text.replace(/\+/g, ' ') : text);
  } catch {
    return text;
  }
}

/**
 * The part of base64(…secret…) that depends on the secret alone, for each of the three byte
 * alignments the secret can sit at (after `id:` in a Basic header, say), in both alphabets.
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const out: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const b64 = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    const core = b64.slice(shift === 0 ? 0 : 4, bytes.length % 3 === (3 - shift) % 3 ? undefined : -4);
    out.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return out;
}

const BASE = 0x01000193;

/** Finds, in one pass, every window of RUN characters that occurs in one of the forms. */
class RunIndex {
  private readonly hashes = new Set<number>();
  private readonly windows = new Set<string>();
  private readonly topPower = power(RUN - 1);

  constructor(forms: string[]) {
    for (const form of forms) {
      for (let i = 0; i + RUN <= form.length; i++) {
        const w = form.slice(i, i + RUN);
        this.windows.add(w);
        this.hashes.add(hash(w));
      }
    }
  }

  hide(text: string): string {
    if (this.windows.size === 0 || text.length < RUN) return text;
    let out = '';
    let kept = 0;
    let start = -1;
    let end = -1;
    let h = hash(text.slice(0, RUN));
    for (let i = 0; i + RUN <= text.length; i++) {
      if (i > 0)
        h =
          (Math.imul(h - Math.imul(text.charCodeAt(i - 1), this.topPower), BASE) +
            text.charCodeAt(i + RUN - 1)) |
          0;
      if (!this.hashes.has(h) || !this.windows.has(text.slice(i, i + RUN))) continue;
      if (i > end) {
        // A new run: the one before it is complete.
        if (end >= 0) out += text.slice(kept, start) + HIDDEN;
        if (end >= 0) kept = end;
        start = i;
      }
      end = i + RUN;
    }
    if (end < 0) return text;
    return out + text.slice(kept, start) + HIDDEN + text.slice(end);
  }
}

function hash(window: string): number {
  let h = 0;
  for (let i = 0; i < window.length; i++) h = (Math.imul(h, BASE) + window.charCodeAt(i)) | 0;
  return h;
}

function power(n: number): number {
  let p = 1;
  for (let i = 0; i < n; i++) p = Math.imul(p, BASE);
  return p;
}

/** Where a request went, without its query (which may carry a key) and redacted. */
export function describeUrl(url: string, redact: Redact): string {
  try {
    const u = new URL(url);
    return redact(`${u.origin}${u.pathname}`);
  } catch {
    return redact(url);
  }
}
