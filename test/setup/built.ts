// Tests that run the CLI or a module in a child process run the built dist/: it is built first
// whenever a source file is newer, so no test runs yesterday's code.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, d) => {
    const path = join(dir, d.name);
    return Math.max(latest, d.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
}

export default function setup(): void {
  const built = statSync(join(ROOT, 'dist/cli.js'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built >= newest(join(ROOT, 'src'))) return;
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  // As npm run build does: the stamp that binds kept configurations to this build.
  execFileSync(process.execPath, [join(ROOT, 'dist/build-stamp.js')], { cwd: ROOT, stdio: 'inherit' });
}
