const HIDDEN = '[redacted]';

/**
 * Removes secrets (tokens, keys) from text that may be shown: an error message, a server's
 * answer that echoes the request, a URL. Short values are left alone, so that a one-letter
 * variable cannot blank out every message.
 */
export function redactor(secrets: readonly (string | null | undefined)[]): (text: string) => string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < 6) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  return (text) => sorted.reduce((out, form) => out.split(form).join(HIDDEN), text);
}

/** Where a request went, without its query (which may carry a key) and redacted. */
export function describeUrl(url: string, redact: (text: string) => string): string {
  try {
    const u = new URL(url);
    return redact(`${u.origin}${u.pathname}`);
  } catch {
    return redact(url);
  }
}
