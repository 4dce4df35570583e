import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/follow-audit.js', import.meta.url));

/** The shipped sample: its policy, allowlists, example lists and pinned shared lists. */
export const SAMPLE_PARTS = ['policy', 'allowlists', 'examples', '.follow-audit/shared'];

/**
 * The shipped allowlist files that hold entries, by path: those in allowlists/ (not the ones that
 * only include a shared list) and the shared lists they include, under examples/shared/.
 */
export function shippedAllowlists(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const folder of ['allowlists', 'examples/shared'])
    for (const name of readdirSync(join(ROOT, folder)).filter((n) => n.endsWith('.yaml'))) {
      const text = readFileSync(join(ROOT, folder, name), 'utf8');
      if (!/^include:/m.test(text)) files[`${folder}/${name}`] = text;
    }
  return files;
}

/**
 * A new copy of the shipped sample (SAMPLE_PARTS). Tests audit copies, never
 * the repository itself: an audit there keeps reports under .follow-audit/ that would change
 * what the next audit prints.
 */
export function copySample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'follow-audit-sample-'));
  for (const part of SAMPLE_PARTS) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  return dir;
}

let sample: string | undefined;
/** The copy of the sample that run() works in unless told otherwise; one per test file. */
const sampleDir = () => (sample ??= copySample());

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A user's bare environment: no tokens, no colour, the test run's cache folder. */
const userEnv = () => ({
  PATH: process.env.PATH ?? '',
  NO_COLOR: '1',
  ...(process.env.XDG_CACHE_HOME ? { XDG_CACHE_HOME: process.env.XDG_CACHE_HOME } : {}),
});

/** Runs the built CLI as a user would, without colour, with no standard input. */
export function run(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? sampleDir(),
    env: { ...userEnv(), ...options.env },
    encoding: 'utf8',
    input: '',
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Like run(), without blocking the event loop: for tests whose CLI talks to a server
 * running in the test process.
 */
export function runAsync(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? sampleDir(),
      env: { ...userEnv(), ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
