import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { writeAtomic } from '../../src/store/files.js';
import { SNAPSHOT_DIR } from '../../src/store/layout.js';
import { listSnapshots, readSnapshotFile } from '../../src/store/snapshots.js';
import { ROOT } from '../helpers/cli.js';

// Snapshot writes run in separate processes, as real runs would: the built dist/ module.
const SNAPSHOT_MODULE = pathToFileURL(join(ROOT, 'dist/store/snapshots.js')).href;

/** A child that saves big snapshots of one account in a loop, printing a line after each. */
function saver(dir: string, tag: string, times: number, sameName: boolean): ChildProcess {
  const code = `
    import { saveSnapshot } from ${JSON.stringify(SNAPSHOT_MODULE)};
    const following = Array.from({ length: 60000 }, (_, i) =>
      ({ id: String(i), handle: 'sample${tag}' + i, name: 'Sample ' + i, url: null }));
    for (let n = 0; n < ${times}; n++) {
      const fetchedAt = ${sameName ? "'2026-11-21T08:00:00.000Z'" : 'new Date(Date.UTC(2026, 10, 21, 8, 0, n)).toISOString()'};
      await saveSnapshot(process.argv[1], { schemaVersion: 1, platform: 'x', account: 'sample',
        handle: '${tag}', fetchedAt, complete: true, following });
      process.stdout.write('saved\\n');
    }`;
  return spawn(process.execPath, ['--input-type=module', '-e', code, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

async function expectEverySnapshotWhole(dir: string) {
  const files = await listSnapshots(dir, 'sample');
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const snapshot = await readSnapshotFile(file);
    expect(snapshot.following).toHaveLength(60000);
  }
  return files;
}

describe('snapshot files', () => {
  it('are whole under their final name even when the writer is killed mid-write', async () => {
    for (const delay of [0, 7, 23]) {
      const dir = await mkdtemp(join(tmpdir(), 'follow-audit-kill-'));
      const child = saver(dir, 'k', 1000, false);
      let saved = 0;
      await new Promise<void>((resolve) =>
        child.stdout!.on('data', (chunk: Buffer) => {
          saved += chunk.toString().split('\n').length - 1;
          if (saved >= 2) resolve();
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      expect(await exited(child)).toBe(null);
      await expectEverySnapshotWhole(dir);
      const names = await readdir(join(dir, SNAPSHOT_DIR, 'sample'));
      expect(names.every((n) => n.endsWith('.json') || n.endsWith('.tmp'))).toBe(true);
    }
  });

  it('stay valid when two processes save the same account at once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'follow-audit-race-'));
    const [a, b] = [saver(dir, 'a', 8, true), saver(dir, 'b', 8, true)];
    expect(await Promise.all([exited(a), exited(b)])).toEqual([0, 0]);
    const [file] = await expectEverySnapshotWhole(dir);
    expect(['a', 'b']).toContain((await readSnapshotFile(file!)).handle);
    expect(await readdir(join(dir, SNAPSHOT_DIR, 'sample'))).toHaveLength(1);
  });

  it('writeAtomic survives many concurrent writers to one path in one process', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'follow-audit-atomic-'));
    const path = join(dir, 'report.json');
    const texts = Array.from({ length: 20 }, (_, i) =>
      JSON.stringify({ writer: i, pad: 'x'.repeat(100_000) }),
    );
    await Promise.all(texts.map((t) => writeAtomic(path, t)));
    expect(texts).toContain(await readFile(path, 'utf8'));
    expect(await readdir(dir)).toEqual(['report.json']);
  });
});
