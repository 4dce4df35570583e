import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from '../errors.js';
import type { Format } from '../report/formats.js';
import { writeOutput } from '../store/files.js';
import type { CommonOptions } from './options.js';

export const width = () => process.stdout.columns || 80;

/** Renders every requested format to its destination: a file, or standard output. */
export async function emit(
  o: CommonOptions,
  fallback: Format,
  render: (f: Format, color: boolean) => string,
) {
  const specs = o.format.length ? o.format : [{ format: fallback, path: null }];
  if (specs.filter((s) => !s.path).length > 1) {
    throw new UsageError('only one format can go to standard output: give the others a path (format:path)');
  }
  const { colorWanted } = await import('../util/color.js');
  for (const spec of specs) {
    const path = spec.path ?? o.output ?? null;
    const color = !path && colorWanted(o.color, !!process.stdout.isTTY, process.env);
    await write(path, render(spec.format, color));
  }
}

export async function write(path: string | null, text: string): Promise<void> {
  if (!path || path === '-') {
    process.stdout.write(text);
    return;
  }
  await mkdir(dirname(path), { recursive: true });
  await writeOutput(path, text);
}
