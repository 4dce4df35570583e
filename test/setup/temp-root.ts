// Every temporary folder the tests make (theirs, the CLI's, the browser's) goes under one folder
// of this run, removed when the run ends: a run leaves nothing behind in the system's temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'follow-audit-tests-'));
  process.env.TMPDIR = root;
  // The CLI's kept configurations (store/config-cache.ts) go here too, not into the home folder.
  process.env.XDG_CACHE_HOME = join(root, 'cache');
  return () => rmSync(root, { recursive: true, force: true });
}
