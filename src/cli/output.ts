import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from '../errors.js';
import { keepSecretsOf, redactKnown } from '../net/redact.js';
import { writeOutput } from '../store/files.js';
import { sanitizeLine } from '../util/text.js';
import type { CommonOptions } from './options.js';

export const width = () => process.stdout.columns || 80;

/** Renders every requested format to its destination: a file, or standard output. Returns the files. */
export async function emit<F extends string>(
  o: Pick<CommonOptions<F>, 'format' | 'output' | 'color'>,
  fallback: F,
  render: (f: F, color: boolean) => string | Iterable<string>,
): Promise<string[]> {
  const specs = o.format.length ? o.format : [{ format: fallback, path: null }];
  if (specs.filter((s) => !s.path).length > 1) {
    throw new UsageError('only one format can go to standard output: give the others a path (format:path)');
  }
  const { colorWanted } = await import('../util/color.js');
  const files: string[] = [];
  for (const spec of specs) {
    const path = spec.path ?? o.output ?? null;
    const color = !path && colorWanted(o.color, !!process.stdout.isTTY, process.env);
    await write(path, render(spec.format, color));
    if (path && path !== '-') files.push(path);
  }
  return files;
}

/**
 * One line on standard error when output went to files: a run with -o is otherwise silent, and
 * the volunteer cannot tell whether it worked. Standard error, so that no pipe reading standard
 * output (a second format, JSON) gets a line it does not expect.
 */
export function sayWritten(files: string[], what: string, outcome: string, quiet?: boolean): void {
  if (quiet || files.length === 0) return;
  const where = files.map((f) => (f.includes(' ') ? JSON.stringify(f) : f));
  const list = where.length > 1 ? `${where.slice(0, -1).join(', ')} and ${where.at(-1)}` : where[0];
  process.stderr.write(`${what} written to ${sanitizeLine(list!)}. ${sanitizeLine(outcome)}\n`);
}

export async function write(path: string | null, text: string | Iterable<string>): Promise<void> {
  if (!path || path === '-') {
    if (typeof text === 'string') process.stdout.write(text);
    else for (const chunk of text) process.stdout.write(chunk);
    return;
  }
  await mkdir(dirname(path), { recursive: true });
  await writeOutput(path, text);
}

/**
 * The last guard on what this process prints: every message, report, progress line and help
 * text goes through the redaction of the credentials it has read (environment, .env).
 */
export function guardStandardStreams(): void {
  keepSecretsOf(process.env);
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) =>
      write(typeof chunk === 'string' ? redactKnown(chunk) : chunk, ...rest)) as typeof stream.write;
  }
}
