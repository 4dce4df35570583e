// What the tool keeps under .follow-audit/ (snapshots, reports, identities) helps the next run;
// the run itself never depends on it. A read-only checkout, a full disk or a file where a folder
// should be costs only what was not kept, said in one note: never the verdict or the exit code.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { abandonedTemp } from './files.js';
import { STORE_DIR } from './layout.js';

/** Why a write failed, in words; null for what is not a file system error (a bug: let it show). */
export function writeFailure(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') return null;
  switch (code) {
    case 'EROFS':
      return 'the folder is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'the folder is read-only for this user';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    // A recursive mkdir on a read-only mount says ENOENT.
    case 'ENOENT':
      return 'the folder is missing and cannot be made (is it read-only?)';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file stands where a folder should be';
    case 'EISDIR':
      return 'a folder stands where the file should be';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    default:
      return `the file system refused it (${code})`;
  }
}

/** Collects what could not be kept during a run, for one note per reason. */
export class Keeper {
  private readonly failed = new Map<string, string[]>();

  /** Runs a write; a file system error becomes a note. Returns whether it was kept. */
  async keep(what: string, write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (error) {
      const reason = writeFailure(error);
      if (reason === null) throw error;
      const whats = this.failed.get(reason) ?? [];
      if (!whats.includes(what)) whats.push(what);
      this.failed.set(reason, whats);
      return false;
    }
  }

  /** Whether `what` could not be kept. */
  lost(what: string): boolean {
    return [...this.failed.values()].some((whats) => whats.includes(what));
  }

  /** "the report was not kept in .follow-audit/: the disk is full", one per reason. */
  notes(): string[] {
    return [...this.failed].map(([reason, whats]) => {
      const list = whats.length > 1 ? `${whats.slice(0, -1).join(', ')} and ${whats.at(-1)}` : whats[0];
      return `${list} ${whats.length > 1 ? 'were' : 'was'} not kept in ${STORE_DIR}/: ${reason}`;
    });
  }
}

/** Removes the temp files of interrupted writes under .follow-audit/; a folder it cannot read is left as it is. */
export async function removeAbandonedTemps(dir: string, now = Date.now()): Promise<void> {
  const entries = await readdir(join(dir, STORE_DIR), { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.tmp')) continue;
    const path = join(entry.parentPath, entry.name);
    const info = await stat(path).catch(() => null);
    if (info && abandonedTemp(entry.name, info.mtimeMs, now)) await rm(path, { force: true }).catch(() => {});
  }
}
