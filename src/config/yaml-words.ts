// YAML syntax errors in words a volunteer can act on: what is wrong on the line and how to fix it,
// never the parser's own terms ("Sequence item without - indicator", "Implicit keys").

/** A syntax error as the `yaml` package reports it, placed on its line (1-based). */
export interface SyntaxFault {
  code: string;
  message: string;
  line: number;
  column: number;
}

export interface Worded {
  line: number;
  column: number;
  message: string;
}

const INDENT = 'indent with spaces, 2 more for each level, and line up the lines of one group';

export function yamlWords(fault: SyntaxFault, text: string): Worded {
  const lines = text.split(/\r?\n/);
  const at = { line: fault.line, column: fault.column };
  const here = lines[fault.line - 1] ?? '';
  const say = (message: string, where = at): Worded => ({ ...where, message });

  const emptied = emptiedList(lines, fault.line);
  if (emptied) return emptied;
  const quote = /Missing closing (["'])quote/.exec(fault.message);
  if (quote) {
    const q = quote[1]!;
    const open = openingQuote(lines, q, fault.line);
    return say(
      `the quote ${q} opened here is never closed: add a closing ${q} at the end of the value`,
      open ?? at,
    );
  }
  const tight = missingSpace(here);
  if (tight && /MULTILINE_IMPLICIT_KEY|MISSING_CHAR|BLOCK_AS_IMPLICIT_KEY/.test(fault.code))
    return say(`put a space after the colon: write "${tight}"`, { line: fault.line, column: 1 });
  if (fault.code === 'DUPLICATE_KEY') {
    const key = /^["']?([^"':]+)/.exec(here.slice(fault.column - 1))?.[1]?.trim() ?? 'this key';
    return say(`"${key}" is written twice in the same group: keep one of them`);
  }
  if (fault.code === 'TAB_AS_INDENT')
    return say('this line is indented with a tab: use spaces instead (2 for each level)');
  if (/All sequence items must start at the same column/.test(fault.message))
    return say(
      `this "- " item is not lined up with the items above it: start every item of a list at the same column (${INDENT})`,
    );
  if (/All mapping items must start at the same column/.test(fault.message))
    return say(`this line is not lined up with the lines above it: ${INDENT}`);
  if (/Sequence item without/.test(fault.message))
    return say(`this line is inside a list but does not start with "- ": add "- ", or ${INDENT}`);
  if (/Nested mappings are not allowed/.test(fault.message))
    return say(
      'a second ": " on this line reads as a key inside the value: put the value in quotes (decision: "vote: yes"), or, if the next line is a key of its own, line it up with this one',
    );
  if (/block sequence may not be used as an implicit map key/.test(fault.message))
    return say(`this "- " item is where a key: value line is expected: put it under its key and ${INDENT}`);
  const start = /cannot start with (?:reserved character )?(\S+)/.exec(fault.message);
  if (start) {
    const value = /(?::|^\s*-)\s+(\S.*?)\s*$/.exec(here)?.[1] ?? `${start[1]}…`;
    return say(`a value starting with ${start[1]} must be in quotes: write "${value.replace(/"/g, '\\"')}"`);
  }
  if (fault.code === 'BAD_DQ_ESCAPE')
    return say(
      `a backslash inside "double quotes" starts a special character: write \\\\ for a backslash, or use 'single quotes'`,
    );
  if (fault.code === 'MULTIPLE_DOCS' || /multiple documents/.test(fault.message))
    return say(
      'this file holds more than one document: remove the "---" line and what belongs to another file',
    );
  if (/Flow (map|sequence)|Missing , |Unexpected , |flow (map|sequence|collection)/i.test(fault.message)) {
    const open = openingBracket(lines, fault.line);
    const [o, c] = open ? [open.char, open.char === '[' ? ']' : '}'] : ['[ or {', '] or }'];
    return say(
      `the ${o} here is not closed as expected: close it with ${c} on the same line, and separate its items with ", "`,
      open ? { line: open.line, column: open.column } : at,
    );
  }
  return say(
    `this line cannot be read: check that it is indented like the lines of its group (spaces only, 2 per level), that each key has a colon and a space after it, and that every quote and bracket is closed`,
  );
}

/** `key:value` written without the space after the colon (not a link: https://... has a space before it). */
function missingSpace(line: string): string | null {
  const m = /^(\s*(?:- )?)([A-Za-z_][\w-]*):([^\s/].*)$/.exec(line);
  return m ? `${m[2]}: ${m[3]!.trim()}` : null;
}

/** `key: []` followed by list items: the brackets say empty, the items say otherwise. */
function emptiedList(lines: string[], errorLine: number): Worded | null {
  const meaningful = (l: string) => !/^\s*(#.*)?$/.test(l);
  let i = errorLine - 1;
  if (!/^\s*\w[\w-]*:\s*(\[\]|\{\})/.test(lines[i] ?? '')) {
    i--;
    while (i >= 0 && !meaningful(lines[i]!)) i--;
  }
  const m = /^(\s*)([\w-]+):\s*(\[\]|\{\})\s*(#.*)?$/.exec(lines[i] ?? '');
  if (!m) return null;
  const next = lines.slice(i + 1).find(meaningful) ?? '';
  if (!/^\s*-|^\s+\S/.test(next)) return null;
  return {
    line: i + 1,
    column: lines[i]!.indexOf(m[3]!, m[1]!.length + m[2]!.length) + 1,
    message: `"${m[2]}: ${m[3]}" says the list is empty, but items follow it: delete the ${m[3]} (write "${m[2]}:")`,
  };
}

/** The first line, up to `before`, where a value opens quote `q` and does not close it. */
function openingQuote(lines: string[], q: string, before: number): { line: number; column: number } | null {
  for (let i = 0; i < Math.min(before, lines.length); i++) {
    const line = lines[i]!;
    const m = new RegExp(`(?:^\\s*(?:- )?|:\\s+|[[{,]\\s*)(${q})`).exec(line);
    if (!m) continue;
    const from = m.index + m[0].length;
    const rest = line.slice(from);
    const closed = q === '"' ? /(^|[^\\])"/.test(rest) : /'(?!')/.test(rest.replace(/''/g, ''));
    if (!closed) return { line: i + 1, column: from };
  }
  return null;
}

/** Why a parsed file still could not be read: an alias without its anchor, or too many aliases. */
export function readFailure(message: string, text: string): Worded {
  const alias = /Unresolved alias.*: (\S+)$/.exec(message);
  if (alias) {
    const lines = text.split(/\r?\n/);
    const i = lines.findIndex((l) => l.includes(`*${alias[1]}`));
    return {
      line: i + 1 || 1,
      column: i >= 0 ? lines[i]!.indexOf(`*${alias[1]}`) + 1 : 1,
      message: `a value starting with * must be in quotes: write "*${alias[1]}"`,
    };
  }
  return {
    line: 1,
    column: 1,
    message: /alias count|resource/i.test(message)
      ? 'cannot read this YAML: it repeats its references (*name) so often that reading it would never end'
      : `cannot read this YAML: ${message}`,
  };
}

/** The last [ or { up to line `upTo` that no ] or } closes (quotes aside). */
function openingBracket(
  lines: string[],
  upTo: number,
): { line: number; column: number; char: string } | null {
  const open: { line: number; column: number; char: string }[] = [];
  for (let i = 0; i < Math.min(upTo, lines.length); i++) {
    const line = lines[i]!.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|\s#.*$/g, (m) => ' '.repeat(m.length));
    for (let c = 0; c < line.length; c++) {
      if (line[c] === '[' || line[c] === '{') open.push({ line: i + 1, column: c + 1, char: line[c]! });
      else if (line[c] === ']' || line[c] === '}') open.pop();
    }
  }
  return open.at(-1) ?? null;
}
