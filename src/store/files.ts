import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { redactKnown } from '../net/redact.js';

/**
 * Writes a file so that readers see the old content or the new, never half of it: into a temp
 * file no other writer can share (random name, exclusive create), synced, then renamed.
 * No credential the tool has read reaches a file it writes. Large content comes as chunks, each
 * whole JSON values, so that no credential is cut between two.
 */
export async function writeAtomic(path: string, text: string | Iterable<string>): Promise<void> {
  const temp = tempName(path);
  const file = await open(temp, 'wx');
  try {
    if (typeof text === 'string') await file.writeFile(redactKnown(text));
    else {
      // Written about a megabyte at a time, in as few system calls as that takes.
      let batch: string[] = [];
      let size = 0;
      for (const chunk of text) {
        batch.push(chunk);
        size += chunk.length;
        if (size < 1 << 20) continue;
        await file.write(redactKnown(batch.join('')));
        batch = [];
        size = 0;
      }
      if (batch.length) await file.write(redactKnown(batch.join('')));
    }
    await file.sync();
    await file.close();
    await rename(temp, path);
  } catch (error) {
    await file.close().catch(() => {});
    await rm(temp, { force: true });
    throw error;
  }
}

/** A file under .follow-audit/, written atomically into its folder, made if missing. */
export async function keepFile(path: string, text: string | Iterable<string>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeAtomic(path, text);
}

// The writer's process id is in the name, so that a later run can tell a temp file whose writer
// died (an interrupted write: remove it) from one another process is writing now (leave it).
const tempName = (path: string) => `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
const TEMP = /\.(\d+)-[0-9a-f]{12}\.tmp$/;

/** Whether a temp file is left from a write that will never finish. */
export function abandonedTemp(name: string, modifiedMs: number, nowMs: number): boolean {
  if (!name.endsWith('.tmp')) return false;
  const pid = Number(TEMP.exec(name)?.[1] ?? Number.NaN);
  // A day old: its writer is gone even if its pid has been given to another process since.
  if (Number.isNaN(pid) || nowMs - modifiedMs > 86_400_000) return true;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** A report to a file: atomic for a regular file; straight through for /dev/stdout, a pipe, … */
export async function writeOutput(path: string, text: string | Iterable<string>): Promise<void> {
  const existing = await stat(path).catch(() => null);
  if (existing && !existing.isFile())
    await writeFile(path, redactKnown(typeof text === 'string' ? text : [...text].join('')));
  else await writeAtomic(path, text);
}

/** A JSON file's value; a SyntaxError where it is not JSON, the file system's error where unreadable. */
export async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}
