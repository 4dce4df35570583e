// Remote text (names, handles, bios) is untrusted: it must not steer a terminal, inject
// markup or break a file format. Every reporter escapes through these functions.

// C0 and C1 controls, DEL, bidirectional overrides and isolates, line/paragraph separators.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2028\u2029\u2066-\u2069]/g;
// Whole escape sequences first, so their printable tails do not survive: CSI, OSC (with its
// BEL or ST terminator), and two-character escapes.
const ESCAPES =
  /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(\u0007|\u001B\\)?|\u009B[0-?]*[ -/]*[@-~]|\u001B[@-_]/g;

/** Text safe to print on a terminal, on one line. */
export function sanitizeLine(text: string): string {
  return text
    .replace(ESCAPES, '')
    .replace(/[\t\n\r]+/g, ' ')
    .replace(UNSAFE, '');
}

/**
 * Text with every character beyond ASCII written as its code point, `\u212A` (`\u{1F600}` above
 * FFFF): how a handle that only looks like another is shown, so a reader sees why it differs.
 */
export function showCodePoints(text: string): string {
  return text.replace(/[^\x00-\x7f]/gu, (c) => {
    const hex = c.codePointAt(0)!.toString(16).toUpperCase();
    return hex.length > 4 ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
  });
}

/** Markdown inline text: no markup, links, HTML or line breaks survive. */
export function escapeMarkdown(text: string): string {
  // Only what can start markup inline: with `[` escaped no link forms, so `(`, `!`, `.` and
  // `-` need no backslash mid-line (they would show in a pasted plain-text email).
  return sanitizeLine(text)
    .replace(/[\\`*_[\]|~$]/g, (c) => `\\${c}`)
    .replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'))
    .replace(/^(\s*)([#+\-=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(/(https?|ftp|mailto|www\.)(:?)/gi, (_, scheme: string, colon: string) =>
      colon ? `${scheme}&#58;` : scheme.replace('.', '&#46;'),
    );
}

export function escapeHtml(text: string): string {
  return sanitizeLine(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** XML text or attribute content; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  return sanitizeLine(text)
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
    );
}

/** The URL as a safe link target: only http(s), percent-encoded by the URL parser; else null. */
export function httpUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    // Percent-encode what Markdown, tables or terminals could read as markup, even inside <...>.
    return parsed.href.replace(
      /[^A-Za-z0-9\-._~:/?#@&+,;=%]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
    );
  } catch {
    return null;
  }
}

/** "1 account", "3 accounts", "2 entries". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Text as a Markdown code span: shown as written, with no backtick to end the span early. */
export function markdownCode(text: string): string {
  return `\`${sanitizeLine(text).replace(/`/g, "'")}\``;
}

/** Splits text at spaces into lines of at most `width` characters, but never cuts a word. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  for (const word of text.split(' ')) {
    const chars = [...word];
    // A word longer than the width (a path, a link) gets a line of its own, whole: cut, it could
    // no longer be copied or clicked.
    if (line.length && line.length + 1 + chars.length > width) {
      lines.push(line.join(''));
      line = chars;
    } else line = line.length ? [...line, ' ', ...chars] : chars;
  }
  lines.push(line.join(''));
  return lines;
}
