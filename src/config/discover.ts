import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { POLICY_FILE } from './layout.js';

/**
 * The audit folder a command run without -C works in: the current folder or the nearest one
 * above it that holds policy/policy.yaml, as git finds its repository from any subfolder.
 * Returned relative to `start` ("." or "..", "../.."), so messages stay short.
 */
export async function findAuditFolder(start: string): Promise<string> {
  const from = resolve(start);
  for (let dir = from; ; dir = dirname(dir)) {
    if (await isFile(join(dir, POLICY_FILE))) return relative(from, dir) || '.';
    if (dirname(dir) === dir) break;
  }
  throw new UsageError(
    `no audit folder here: neither ${from} nor any folder above it has ${POLICY_FILE}. ` +
      'Run "follow-audit init" to start one in this folder, or pass -C <folder> to point at yours',
  );
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}
