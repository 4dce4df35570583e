// npm run bench: start-up, audit time and peak memory on synthetic organizations, and how the
// time grows with follows (N) and allowlist entries (M). Prints a table, writes bench-results.json.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { AS_OF, generateOrganization } from './generate.js';
import { cli, inProcess, median, type Phases, type ProcessRun, runNode } from './measure.js';

const CASES = [
  { follows: 10_000, entries: 12_000 },
  { follows: 100_000, entries: 12_000 },
  { follows: 1_000_000, entries: 12_000 },
  { follows: 100_000, entries: 3_000 },
  { follows: 100_000, entries: 24_000 },
];
const TARGET = { follows: 100_000, entries: 12_000, ms: 1000, rssMb: 300, startupRatio: 2 };

interface CaseResult {
  follows: number;
  entries: number;
  process: ProcessRun;
  inProcess: Phases;
}

const out = (line = '') => process.stdout.write(`${line}\n`);
const fixed = (n: number, digits = 0) => n.toFixed(digits);

async function main() {
  const root = await mkdtemp(join(tmpdir(), 'follow-audit-bench-'));
  try {
    out(`Node ${process.version}, ${cpus().length} CPUs, ${fixed(totalmem() / 2 ** 30, 1)} GiB`);
    const startup = {
      bareNode: median(11, () => runNode(['-e', '0'])).ms,
      version: median(11, () => cli(['--version'])).ms,
      help: median(11, () => cli(['--help'])).ms,
    };
    out(
      `Start-up (median of 11): node -e 0 ${fixed(startup.bareNode)} ms, --version ${fixed(startup.version)} ms, --help ${fixed(startup.help)} ms`,
    );
    const results: CaseResult[] = [];
    for (const c of CASES) {
      const dir = join(root, `${c.follows}-${c.entries}`);
      await generateOrganization(dir, c.follows, c.entries);
      const args = ['audit', '-C', dir, '--as-of', AS_OF, '--offline', '--format', 'json'];
      const once = () => cli([...args, '-o', join(dir, 'report.json')], true);
      const whole = median(c.follows >= 1_000_000 ? 1 : 3, once);
      if (whole.code !== 1) throw new Error(`audit of ${dir} exited ${whole.code}, expected 1 (findings)`);
      // The faster of two in-process runs: the first also pays for JIT warm-up.
      const [first, second] = [await inProcess(dir), await inProcess(dir)];
      results.push({ ...c, process: whole, inProcess: first.total < second.total ? first : second });
      await rm(dir, { recursive: true, force: true });
      printRow(results[results.length - 1]!, results.length === 1);
    }
    const growth = growthOf(results);
    out();
    out(
      `Time per follow: ${fixed(growth.perFollowLow, 2)} µs (10k→100k), ${fixed(growth.perFollowHigh, 2)} µs (100k→1M)`,
    );
    out(
      `Time per entry:  ${fixed(growth.perEntryLow, 1)} µs (3k→12k), ${fixed(growth.perEntryHigh, 1)} µs (12k→24k)`,
    );
    const target = results.find((r) => r.follows === TARGET.follows && r.entries === TARGET.entries)!;
    const verdicts = {
      time: target.process.ms < TARGET.ms,
      memory: target.process.maxRssMb < TARGET.rssMb,
      startup: Math.max(startup.version, startup.help) < TARGET.startupRatio * startup.bareNode,
    };
    out(
      `Targets: 100k follows x 12k entries under 1 s: ${yes(verdicts.time)} (${fixed(target.process.ms)} ms); under 300 MB: ${yes(verdicts.memory)} (${fixed(target.process.maxRssMb)} MB); start-up within 2x node: ${yes(verdicts.startup)}`,
    );
    const file = join(process.cwd(), 'bench-results.json');
    await writeFile(
      file,
      `${JSON.stringify({ node: process.version, cpus: cpus().length, startup, results, growth, verdicts }, null, 2)}\n`,
    );
    out(`Wrote ${file}`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function printRow(r: CaseResult, header: boolean) {
  const cols = [9, 8, 11, 9, 9, 9, 9, 9, 9];
  const line = (cells: string[]) => out(cells.map((c, i) => c.padStart(cols[i]!)).join(' '));
  if (header) {
    out();
    line([
      'follows',
      'entries',
      'process ms',
      'max MB',
      'load ms',
      'read ms',
      'eval ms',
      'json ms',
      'findings',
    ]);
  }
  const p = r.inProcess;
  line(
    [
      r.follows,
      r.entries,
      r.process.ms,
      r.process.maxRssMb,
      p.load,
      p.obtain,
      p.evaluate,
      p.json,
      p.findings,
    ].map((n) => fixed(n)),
  );
}

/**
 * Marginal in-process time per added follow (read + evaluate + JSON) and per added entry (load):
 * equal slopes over both steps mean linear growth.
 */
function growthOf(results: CaseResult[]) {
  const at = (follows: number, entries: number) =>
    results.find((r) => r.follows === follows && r.entries === entries)!.inProcess;
  const audit = (p: Phases) => p.obtain + p.evaluate + p.json;
  const slope = (t1: number, t0: number, n1: number, n0: number) => ((t1 - t0) * 1000) / (n1 - n0);
  return {
    perFollowLow: slope(audit(at(100_000, 12_000)), audit(at(10_000, 12_000)), 100_000, 10_000),
    perFollowHigh: slope(audit(at(1_000_000, 12_000)), audit(at(100_000, 12_000)), 1_000_000, 100_000),
    perEntryLow: slope(at(100_000, 12_000).load, at(100_000, 3_000).load, 12_000, 3_000),
    perEntryHigh: slope(at(100_000, 24_000).load, at(100_000, 12_000).load, 24_000, 12_000),
  };
}

const yes = (ok: boolean) => (ok ? 'yes' : 'NO');

await main();
