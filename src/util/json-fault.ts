// JSON.parse's messages quote the text they failed on (Node 20: `Unexpected token 's',
// "{"token": sk_live_…"... is not valid JSON`). A file can hold a secret, so a message about a
// file says where its JSON breaks, never what it holds.

/** Where and how a JSON text is broken, in words that quote none of it. */
export function jsonFault(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : '';
  if (/Unexpected end of JSON input|Unterminated string/i.test(message))
    return 'it ends before its JSON does';
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined) return 'its JSON is broken';
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `its JSON breaks at line ${line}, column ${column}`;
}
