import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';

/**
 * Writes a file so that readers see the old content or the new, never half of it: into a temp
 * file no other writer can share (random name, exclusive create), synced, then renamed.
 */
export async function writeAtomic(path: string, text: string): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const file = await open(temp, 'wx');
  try {
    await file.writeFile(text);
    await file.sync();
    await file.close();
    await rename(temp, path);
  } catch (error) {
    await file.close().catch(() => {});
    await rm(temp, { force: true });
    throw error;
  }
}

/** A report to a file: atomic for a regular file; straight through for /dev/stdout, a pipe, … */
export async function writeOutput(path: string, text: string): Promise<void> {
  const existing = await stat(path).catch(() => null);
  if (existing && !existing.isFile()) await writeFile(path, text);
  else await writeAtomic(path, text);
}

/** A JSON file's value; a SyntaxError where it is not JSON, the file system's error where unreadable. */
export async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}
