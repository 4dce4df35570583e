import { FAILSAFE_SCHEMA, load, type State, Type } from 'js-yaml';

// The fast path for large allowlists: js-yaml reads them about ten times faster than the `yaml`
// package, which keeps a node with a position for every value. It is used only for plain files
// and only with scalars resolved as `yaml` resolves them (YAML 1.2 core: dates stay strings);
// anything else, and every file with a problem, goes through `yaml`, which names positions.

/** A core scalar type; `first` lists the characters its plain text can start with, a cheap pre-test. */
const scalar = (
  tag: string,
  first: string,
  test: (source: string) => boolean,
  construct: (source: string) => unknown,
) =>
  new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (s: string) => (s === '' || first.includes(s[0]!)) && test(s),
    construct,
  });

// The tests and conversions of the `yaml` package's core schema (yaml/dist/schema/core).
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$|^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const CORE_1_2 = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar(
      'null',
      '~nN',
      (s) => /^(?:~|[Nn]ull|NULL)?$/.test(s),
      () => null,
    ),
    scalar(
      'bool',
      'tTfF',
      (s) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s),
      (s) => s[0] === 't' || s[0] === 'T',
    ),
    scalar(
      'int',
      '0123456789+-',
      (s) => INT_OCT.test(s) || INT.test(s) || INT_HEX.test(s),
      (s) => (INT.test(s) ? parseInt(s, 10) : parseInt(s.substring(2), INT_HEX.test(s) ? 16 : 8)),
    ),
    scalar(
      'float',
      '0123456789+-.',
      (s) => FLOAT_NAN.test(s) || FLOAT.test(s),
      (s) =>
        !FLOAT_NAN.test(s)
          ? parseFloat(s)
          : s.slice(-3).toLowerCase() === 'nan'
            ? Number.NaN
            : s[0] === '-'
              ? Number.NEGATIVE_INFINITY
              : Number.POSITIVE_INFINITY,
    ),
  ],
});

// Anchors (aliased objects would be shared, so a "billion laughs" file would explode in
// validation), tags, directives (%YAML 1.1 changes the schema), comments not set apart by a
// space, tabs and lone carriage returns: rare in hand-written files, left to `yaml`.
const NOT_PLAIN = /(?:^|[\s[\]{},:])[&!*]|^%|[}\]"']#|\t|\r(?!\n)/m;

export interface Start {
  line: number;
  column: number;
}

export interface PlainYaml {
  data: unknown;
  /** For each top-level key holding a sequence: where each item starts. */
  itemStarts: Map<string, (Start | undefined)[]>;
}

type ListenerState = State & { depth: number; anchor: string | null };

/** The data of a plain YAML file, or null when the `yaml` package must read it. */
export function loadPlainYaml(text: string): PlainYaml | null {
  if (NOT_PLAIN.test(text)) return null;
  const starts = new Map<unknown, Start>();
  const opened: number[] = [];
  let plain = true;
  const listener = (event: 'open' | 'close', state: State) => {
    const s = state as ListenerState;
    if (event === 'open') {
      opened.push(s.position, s.line + 1);
      return;
    }
    const line = opened.pop()!;
    const from = contentStart(text, opened.pop()!);
    if (s.anchor !== null) plain = false;
    // Multi-line scalars and flow collections are where `yaml` is stricter about indentation.
    const flow = text[from] === '{' || text[from] === '[';
    if ((s.kind === 'scalar' || flow) && text.lastIndexOf('\n', s.position - 1) >= from) plain = false;
    // Depth 1 is the root, 2 its values, 3 the items of a top-level sequence.
    if (s.depth === 3 && s.result !== null && typeof s.result === 'object')
      starts.set(s.result, { line, column: from - text.lastIndexOf('\n', from - 1) });
  };
  let data: unknown;
  try {
    data = load(text, { schema: CORE_1_2, listener });
  } catch {
    return null;
  }
  if (!plain) return null;
  const itemStarts = new Map<string, (Start | undefined)[]>();
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    for (const [key, value] of Object.entries(data)) {
      if (Array.isArray(value))
        itemStarts.set(
          key,
          value.map((item) => starts.get(item)),
        );
    }
  }
  return { data, itemStarts };
}

/** Where a node's content begins: after the spaces, line breaks and comments before it. */
function contentStart(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text[i];
    if (c === ' ' || c === '\n' || c === '\r') i++;
    else if (c === '#') {
      const end = text.indexOf('\n', i);
      if (end === -1) return text.length;
      i = end;
    } else return i;
  }
}
