// npm run bench: start-up, audit time and peak memory on synthetic organizations, each beside the
// plain-Node lower bound (lower-bound.ts) as a ratio from interleaved runs, and how the time grows
// with follows (N) and allowlist entries (M). Prints tables, writes bench-results.json.
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { AS_OF, generateOrganization } from './generate.js';
import { cli, inProcess, interleaved, lowerBound, type Phases, type ProcessRun, runNode } from './measure.js';

const CASES = [
  { follows: 10_000, entries: 12_000 },
  { follows: 100_000, entries: 12_000 },
  { follows: 1_000_000, entries: 12_000 },
  { follows: 100_000, entries: 3_000 },
  { follows: 100_000, entries: 24_000 },
];
// Within 1.3x of the lower bound at every size (a run after another over the same files; first runs
// are shown beside), start-up within 1.3x of bare node, 100k x 24k in 250 MiB.
const TARGET = { ratio: 1.3, startupRatio: 1.3, rssCase: { follows: 100_000, entries: 24_000 }, rssMb: 250 };

interface CaseResult {
  follows: number;
  entries: number;
  /** A run after another over the same files: its configuration kept (.follow-audit/cache/). */
  process: ProcessRun;
  /** The first run over these files: everything read and checked. */
  cold: ProcessRun;
  lowerBound: ProcessRun;
  ratio: number;
  coldRatio: number;
  inProcess: Phases;
}

const out = (line = '') => process.stdout.write(`${line}\n`);
const fixed = (n: number, digits = 0) => n.toFixed(digits);

async function main() {
  const root = await mkdtemp(join(tmpdir(), 'follow-audit-bench-'));
  // The runs keep their configurations here (store/config-cache.ts), removed with the rest.
  const cache = join(root, 'cache');
  process.env.XDG_CACHE_HOME = cache;
  try {
    out(`Node ${process.version}, ${cpus().length} CPUs, ${fixed(totalmem() / 2 ** 30, 1)} GiB`);
    const [bare, version, help] = interleaved(21, [
      () => runNode(['-e', '0']),
      () => cli(['--version']),
      () => cli(['--help']),
    ]);
    const startup = { bareNode: bare!.ms, version: version!.ms, help: help!.ms };
    const startupRatio = startup.version / startup.bareNode;
    out(
      `Start-up (medians of 21 interleaved runs): node -e 0 ${fixed(startup.bareNode)} ms, --version ${fixed(startup.version)} ms (x${fixed(startupRatio, 2)}), --help ${fixed(startup.help)} ms`,
    );
    const results: CaseResult[] = [];
    for (const c of CASES) {
      const dir = join(root, `${c.follows}-${c.entries}`);
      await generateOrganization(dir, c.follows, c.entries);
      const args = ['audit', '-C', dir, '--as-of', AS_OF, '--offline', '--format', 'json'];
      const report = join(dir, 'report.json');
      const bound = join(dir, 'lower-bound.json');
      const [whole, cold, plain] = interleaved(c.follows >= 1_000_000 ? 3 : 5, [
        () => cli([...args, '-o', report], true),
        () => {
          rmSync(cache, { recursive: true, force: true });
          return cli([...args, '-o', report], true);
        },
        () => lowerBound(dir, bound),
      ]);
      if (whole!.code !== 1) throw new Error(`audit of ${dir} exited ${whole!.code}, expected 1 (findings)`);
      await sameFindings(report, bound);
      // The faster of two in-process runs: the first also pays for JIT warm-up.
      const [first, second] = [await inProcess(dir), await inProcess(dir)];
      const best = first.total < second.total ? first : second;
      results.push({
        ...c,
        process: whole!,
        cold: cold!,
        lowerBound: plain!,
        ratio: whole!.ms / plain!.ms,
        coldRatio: cold!.ms / plain!.ms,
        inProcess: best,
      });
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
    const rssCase = results.find(
      (r) => r.follows === TARGET.rssCase.follows && r.entries === TARGET.rssCase.entries,
    )!;
    const worst = Math.max(...results.map((r) => r.ratio));
    const worstFirst = Math.max(...results.map((r) => r.coldRatio));
    // Memory counts the hungrier of the two runs.
    const rssMib = Math.max(rssCase.process.maxRssMb, rssCase.cold.maxRssMb) / 1.048576;
    const verdicts = {
      ratio: worst <= TARGET.ratio,
      memory: rssMib < TARGET.rssMb,
      startup: startupRatio <= TARGET.startupRatio,
    };
    out(
      `Targets: within x${TARGET.ratio} of the lower bound at every size: ${yes(verdicts.ratio)} (worst x${fixed(worst, 2)}; first runs, configuration not kept yet: worst x${fixed(worstFirst, 2)}); 100k x 24k under ${TARGET.rssMb} MiB: ${yes(verdicts.memory)} (${fixed(rssMib)} MiB); --version within x${TARGET.startupRatio} of node -e 0: ${yes(verdicts.startup)} (x${fixed(startupRatio, 2)})`,
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
  const cols = [9, 8, 11, 9, 9, 9, 7, 9, 7, 9, 9, 9, 9, 9];
  const line = (cells: string[]) => out(cells.map((c, i) => c.padStart(cols[i]!)).join(' '));
  if (header) {
    out();
    line([
      'follows',
      'entries',
      'process ms',
      'max MB',
      'bound ms',
      'bound MB',
      'ratio',
      'first ms',
      'ratio',
      'load ms',
      'read ms',
      'eval ms',
      'json ms',
      'findings',
    ]);
  }
  const p = r.inProcess;
  const cells = [
    r.follows,
    r.entries,
    r.process.ms,
    r.process.maxRssMb,
    r.lowerBound.ms,
    r.lowerBound.maxRssMb,
  ];
  const phases = [p.load, p.obtain, p.evaluate, p.json, p.findings];
  line([
    ...cells.map((n) => fixed(n)),
    `x${fixed(r.ratio, 2)}`,
    fixed(r.cold.ms),
    `x${fixed(r.coldRatio, 2)}`,
    ...phases.map((n) => fixed(n)),
  ]);
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

/** The lower bound must do the same job: its findings are follow-audit's, byte for byte. */
async function sameFindings(report: string, bound: string) {
  const findings = async (file: string) => JSON.stringify(JSON.parse(await readFile(file, 'utf8')).findings);
  if ((await findings(report)) !== (await findings(bound)))
    throw new Error(`the lower bound's findings differ from follow-audit's (${report}, ${bound})`);
}

await main();
