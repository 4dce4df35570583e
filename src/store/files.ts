import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { redactKnown } from '../net/redact.js';

/**
 * Writes a file so that readers see the old content or the new, never half of it: into a temp
 * file no other writer can share (random name, exclusive create), synced, then renamed.
 * No credential the tool has read reaches a file it writes.
 */
export async function writeAtomic(path: string, text: string): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const file = await open(temp, 'wx');
  try {
    await file.writeFile(redactKnown(text));
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
  if (existing && !existing.isFile()) await writeFile(path, redactKnown(text));
  else await writeAtomic(path, text);
}

/** A JSON file's value; a SyntaxError where it is not JSON, the file system's error where unreadable. */
export async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}
