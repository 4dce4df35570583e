// The pinned copies of shared lists, .follow-audit/shared/<sha256>.yaml: written by update --write,
// read by every load (config/shared-lists.ts), which is why their folder is named in config/layout.ts.
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pinnedCopy } from '../config/shared-lists.js';
import { writeAtomic } from './files.js';

/** Keeps a shared list's content as the copy of its pin. */
export async function keepPinnedCopy(dir: string, sha256: string, text: string): Promise<void> {
  const path = pinnedCopy(dir, sha256);
  await mkdir(dirname(path), { recursive: true });
  await writeAtomic(path, text);
}

/** Removes the copy of a pin that no include names any more (git keeps its history). */
export async function dropPinnedCopy(dir: string, sha256: string): Promise<void> {
  await rm(pinnedCopy(dir, sha256), { force: true });
}
