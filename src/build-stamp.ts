// What identifies this build of the tool: a hash of every compiled module, written by `npm run
// build` (node dist/build-stamp.js) and read by the configuration cache, so that a configuration
// read by one build is never taken for what another build would read.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const STAMP = join(ROOT, 'build-stamp.json');

function modules(): string[] {
  return readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
    .filter((n) => /\.[cm]?[jt]s$/.test(n) && !n.endsWith('.d.ts'))
    .sort();
}

/**
 * This build's stamp: the one written at build time, unless a compile since has rewritten the
 * modules (tsc rewrites every one, cli.js too); else, as when running the sources, their sizes and times.
 */
export function buildStamp(): string {
  const written = statSync(STAMP, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const compiled =
    statSync(join(ROOT, 'cli.js'), { throwIfNoEntry: false })?.mtimeMs ?? Number.POSITIVE_INFINITY;
  if (written >= compiled) {
    try {
      return (JSON.parse(readFileSync(STAMP, 'utf8')) as { stamp: string }).stamp;
    } catch {}
  }
  const hash = createHash('sha256');
  for (const name of modules()) {
    const info = statSync(join(ROOT, name));
    hash.update(`${name}\0${info.size}\0${info.mtimeMs}\0`);
  }
  return hash.digest('hex');
}

function writeStamp(): void {
  const hash = createHash('sha256');
  for (const name of modules())
    hash
      .update(`${name}\0`)
      .update(readFileSync(join(ROOT, name)))
      .update('\0');
  writeFileSync(STAMP, `${JSON.stringify({ stamp: hash.digest('hex') })}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) writeStamp();
