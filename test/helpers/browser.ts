// The Chromium the browser tests drive: CHROMIUM_PATH when set, else Debian's package where it is
// installed, else the build that the @sparticuz/chromium dev dependency ships inside its npm
// package. That last one needs nothing but `npm ci`, so the tests run (never skip) on a machine
// with only Node. It is unpacked once per version under node_modules/.cache, not in /tmp where
// the package's own unpacker would share one unversioned path with every other project.
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';
import { ROOT } from './cli.js';

const DEBIAN = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function chromiumPath(): Promise<string> {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`CHROMIUM_PATH names ${chosen}, which does not exist`);
    return chosen;
  }
  if (existsSync(DEBIAN)) return DEBIAN;
  return unpackNpmChromium();
}

/** The package's compressed build, decompressed to a versioned folder; a half-done unpack never counts. */
export async function unpackNpmChromium(cache = join(ROOT, 'node_modules', '.cache')): Promise<string> {
  const pkg = join(dirname(fileURLToPath(import.meta.resolve('@sparticuz/chromium'))), '..', '..');
  const { version } = JSON.parse(await readFile(join(pkg, 'package.json'), 'utf8')) as { version: string };
  const dir = join(cache, `sparticuz-chromium-${version}`);
  const binary = join(dir, 'chromium');
  if (existsSync(binary)) return binary;
  await mkdir(cache, { recursive: true });
  const partial = await mkdtemp(join(cache, `sparticuz-chromium-${version}.partial-`));
  try {
    await pipeline(
      createReadStream(join(pkg, 'bin', 'chromium.br')),
      createBrotliDecompress(),
      createWriteStream(join(partial, 'chromium'), { mode: 0o755 }),
    );
    await rename(partial, dir).catch((e: NodeJS.ErrnoException) => {
      // Another run finished first: its copy is as good as ours.
      if (!existsSync(binary)) throw e;
    });
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  return binary;
}
