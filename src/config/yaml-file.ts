import { createRequire } from 'node:module';
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import type { Problem } from '../errors.js';
import { PLATFORM_CHOICES } from '../model.js';
import { issueWords, notAMapping, tooLong } from './issue-words.js';
import { loadPlainYaml, type PlainYaml } from './plain-yaml.js';
import { readFailure, type SyntaxFault, yamlWords } from './yaml-words.js';

type Path = readonly PropertyKey[];

// Loaded on the first file that needs it: a plain, valid folder is read without it.
const require = createRequire(import.meta.url);
const yaml = (): typeof import('yaml') => require('yaml');

/** What validating a file gives: its data, or null and every problem found in it. */
export interface Validated<T> {
  data: T | null;
  problems: readonly Problem[];
}

/**
 * A YAML file that can say where any path in it was written. What it says never changes once
 * built, so it can be validated as often as asked; each reading is made when first needed.
 */
export class YamlFile {
  /** The fast reader's reading (null: not plain), until the data has been taken from it. */
  private quickRead: PlainYaml | null | undefined;
  /** Where the items of top-level lists start, kept when the fast reading's data is let go. */
  private starts: PlainYaml['itemStarts'] | undefined;
  private parsed: { doc: Document; lines: LineCounter } | null = null;
  private read: { data: unknown; problems: readonly Problem[] } | null = null;

  /** `plain`: try the fast reader first; the `yaml` package then parses only on demand. */
  constructor(
    readonly file: string,
    readonly text: string,
    plain = false,
  ) {
    this.quickRead = plain ? undefined : null;
  }

  private get quick(): PlainYaml | null {
    if (this.quickRead === undefined) this.quickRead = loadPlainYaml(this.text);
    return this.quickRead;
  }

  /** The data as `yaml` reads it, with its errors as problems. */
  private readByYaml(): { data: unknown; problems: readonly Problem[] } {
    if (this.read) return this.read;
    const { doc, lines } = this.document();
    const problems: Problem[] = syntaxFaults(doc, lines).map((fault) => ({
      file: this.file,
      ...yamlWords(fault, this.text),
    }));
    let data: unknown = null;
    if (problems.length === 0) {
      try {
        // A small alias budget stops "billion laughs" files early.
        data = doc.toJS({ maxAliasCount: 1000 });
      } catch (error) {
        problems.push({ file: this.file, ...readFailure((error as Error).message, this.text) });
      }
    }
    this.read = { data, problems };
    return this.read;
  }

  private document(): { doc: Document; lines: LineCounter } {
    if (this.parsed) return this.parsed;
    const { LineCounter, parseDocument } = yaml();
    const lines = new LineCounter();
    const doc = parseDocument(this.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    this.parsed = { doc, lines };
    return this.parsed;
  }

  /** The line where item `i` of the top-level sequence `key` starts. */
  itemLine(key: string, i: number): number {
    return this.at([key, i]).line;
  }

  /** Line and column of the value at `path`, or of the nearest enclosing node that exists. */
  at(path: Path, key = false): { line: number; column: number } {
    if (path.length === 2 && !key && typeof path[0] === 'string' && typeof path[1] === 'number') {
      const start = (this.starts ?? this.quick?.itemStarts)?.get(path[0])?.[path[1]];
      if (start) return start;
    }
    const { doc, lines } = this.document();
    const { isMap, isScalar } = yaml();
    for (let n = path.length; n >= 0; n--) {
      const prefix = path.slice(0, n);
      if (key && n === path.length && n > 0) {
        const parent = doc.getIn(prefix.slice(0, -1), true);
        if (isMap(parent)) {
          const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === prefix[n - 1]);
          const range = (pair?.key as { range?: [number, number] } | undefined)?.range;
          if (range) return position(lines.linePos(range[0]));
        }
        continue;
      }
      const node = n === 0 ? doc.contents : doc.getIn(prefix, true);
      const range = (node as { range?: [number, number] } | null)?.range;
      if (range) return position(lines.linePos(range[0]));
    }
    return { line: 1, column: 1 };
  }

  problem(path: Path, message: string, key = false): Problem {
    const described = key ? path.slice(0, -1) : path;
    return { file: this.file, ...this.at(path, key), message: `${describePath(described)}${message}` };
  }

  /** The data as `fast` reads a plain file, or null: then only `validate` with the schema can tell. */
  plainly<T>(fast: (data: unknown) => T | null): T | null {
    const quick = this.quick;
    const data = quick ? fast(quick.data ?? {}) : null;
    if (quick && data) {
      // The data now lives in its checked copy: the raw reading of a large file need not stay in
      // memory beside it (a later call reads the text again).
      this.starts = quick.itemStarts;
      this.quickRead = undefined;
    }
    return data;
  }

  /**
   * Validates the data with a zod schema; every issue becomes a positioned problem. `fast`, when
   * given, reads a plainly valid file without zod: it gives the schema's output, or null to let zod tell.
   */
  validate<S extends z.ZodType>(
    schema: S,
    fast?: (data: unknown) => z.output<S> | null,
  ): Validated<z.output<S>> {
    const plain = fast && this.plainly(fast);
    if (plain) return { data: plain, problems: [] };
    if (this.quick) {
      const quick = schema.safeParse(this.quick.data ?? {});
      if (quick.success) return { data: quick.data, problems: [] };
      // Read by the fast reader: problems are reported as `yaml` reads the file, with positions.
    }
    const { data, problems } = this.readByYaml();
    if (problems.length > 0) return { data: null, problems };
    const result = schema.safeParse(data ?? {}, {
      reportInput: true,
      error: issueWords,
    });
    if (result.success) return { data: result.data, problems: [] };
    const missing = result.error.issues.filter(isMissing);
    if ((data === null || data === undefined) && missing.length > 0) {
      const keys = missing.map((i) => `"${String(i.path[0])}:"`).join(' and ');
      const comments = /^\s*#/m.test(this.text) ? ' (it holds only comments)' : '';
      return { data: null, problems: [this.problem([], `this file is empty${comments}: write ${keys}`)] };
    }
    return {
      data: null,
      problems: result.error.issues.flatMap((issue) => this.issueProblems(issue, schema)),
    };
  }

  private issueProblems(issue: z.core.$ZodIssue, schema: z.ZodType): Problem[] {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      const known = keysAt(schema, path);
      return issue.keys.map((k) => this.problem([...path, k], unknownKeyMessage(k, path, known), true));
    }
    if (isMissing(issue)) {
      const missing = path[path.length - 1];
      return [this.problem(path.slice(0, -1), `"${String(missing)}" is required here: add it`)];
    }
    if (issue.code === 'invalid_type' && path.length === 0)
      return [this.problem(path, notAMapping(issue.input))];
    if (issue.code === 'invalid_union' && issue.input !== null) {
      // The branch that came closest: past the type check, or else the one for this kind of value.
      const inner = issue.errors.flat();
      const best =
        inner.find((i) => i.code !== 'invalid_type') ??
        inner.find((i) => i.code === 'invalid_type' && sameKind(i.expected, issue.input)) ??
        inner.find((i) => i.code === 'invalid_type' && i.expected === 'string');
      if (best)
        return this.issueProblems({ ...best, path: [...path, ...best.path] } as z.core.$ZodIssue, schema);
    }
    if (issue.code === 'too_big' && issue.origin === 'int')
      return [this.problem(path, tooLong(this.written(path) ?? String(issue.input)))];
    return [this.problem(path, issue.message)];
  }

  /** The value at `path` as written in the file. */
  private written(path: Path): string | null {
    const node = this.document().doc.getIn(path, true) as { range?: [number, number] } | undefined;
    return node?.range ? this.text.slice(node.range[0], node.range[1]).trim() : null;
  }
}

const sameKind = (expected: string, input: unknown): boolean =>
  typeof input === (expected === 'int' ? 'number' : expected === 'array' ? 'object' : expected);

const isMissing = (issue: z.core.$ZodIssue): boolean =>
  issue.code === 'invalid_type' && issue.input === undefined;

/**
 * Validates a file by its fast path, and only where that cannot tell, with its zod schema, loaded
 * then: an audit of a valid folder never loads zod.
 */
export async function validateLazily<S extends z.ZodType>(
  file: YamlFile,
  fast: (data: unknown) => z.output<S> | null,
  schema: () => Promise<S>,
): Promise<Validated<z.output<S>>> {
  const data = file.plainly(fast);
  return data ? { data, problems: [] } : file.validate(await schema(), fast);
}

function position(at: { line: number; col: number }) {
  return { line: at.line, column: at.col };
}

function describePath(path: Path): string {
  const shown = path.filter((p) => typeof p === 'string');
  return shown.length ? `${shown.join('.')}: ` : '';
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
};
const defOf = (s: z.ZodType): Def => s._zod.def as Def;

/** The keys a strict object in `schema` accepts at `path`, for "did you mean" hints. */
function keysAt(schema: z.ZodType, path: Path): string[] {
  const objects = (s: z.ZodType): Def[] => {
    const def = defOf(s);
    if (def.type === 'object') return [def];
    const inner = def.innerType ?? def.in;
    if (inner) return objects(inner);
    if (def.type === 'union') return def.options!.flatMap(objects);
    return [];
  };
  let current: z.ZodType[] = [schema];
  for (const seg of path) {
    current = current.flatMap((s) => {
      let def = defOf(s);
      while (!['object', 'array', 'union'].includes(def.type) && (def.innerType ?? def.in))
        def = defOf((def.innerType ?? def.in)!);
      if (def.type === 'array' && typeof seg === 'number') return [def.element!];
      if (def.type === 'union')
        return def
          .options!.flatMap((o) => objects(o))
          .map((d) => d.shape?.[String(seg)])
          .filter((x): x is z.ZodType => !!x);
      return def.type === 'object' && def.shape?.[String(seg)] ? [def.shape[String(seg)]!] : [];
    });
  }
  return current.flatMap(objects).flatMap((d) => Object.keys(d.shape ?? {}));
}

function unknownKeyMessage(key: string, path: Path, known: string[]): string {
  if (path[path.length - 1] === 'accounts' && path.length >= 3) {
    return `unknown platform "${key}": use ${PLATFORM_CHOICES}`;
  }
  const guess = closest(key, known);
  return `unknown key "${key}"${guess ? ` (did you mean "${guess}"?)` : ': remove it or check the spelling'}`;
}

/**
 * The first syntax error, and every duplicate key: after the first error the parser's reading of the
 * rest is a guess, and its further errors mostly echo the first.
 */
function syntaxFaults(doc: Document, lines: LineCounter): SyntaxFault[] {
  const faults = doc.errors.map((e) => ({
    code: e.code,
    message: e.message,
    ...position(lines.linePos(e.pos[0])),
  }));
  const first = faults.find((f) => f.code !== 'DUPLICATE_KEY');
  return faults.filter((f) => f === first || f.code === 'DUPLICATE_KEY');
}

/** The known key nearest in spelling, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
