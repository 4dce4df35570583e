import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config/load.js';
import { evaluate } from '../core/evaluate.js';
import { buildReport } from '../core/report.js';
import { reporters } from '../report/registry.js';
import { obtainAll, obtainOptions } from '../sources/obtain-all.js';
import { AS_OF } from './generate.js';

const BIN = fileURLToPath(new URL('../../bin/follow-audit.js', import.meta.url));
// Preloaded into the measured process: it reports its own peak resident memory as it exits.
const REPORT_RSS = `data:text/javascript,${encodeURIComponent(
  'process.on("exit", () => process.stderr.write("\\nmaxRSS=" + process.resourceUsage().maxRSS + "\\n"))',
)}`;

export interface ProcessRun {
  ms: number;
  maxRssMb: number;
  code: number;
}

/** Runs node with `args` as a whole process; wall time from spawn to exit. */
export function runNode(args: string[], withRss = false): ProcessRun {
  const start = performance.now();
  const result = spawnSync(process.execPath, [...(withRss ? ['--import', REPORT_RSS] : []), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  const rss = /maxRSS=(\d+)/.exec(result.stderr ?? '')?.[1];
  return { ms, maxRssMb: rss ? Number(rss) / 1024 : Number.NaN, code: result.status ?? -1 };
}

export const cli = (args: string[], withRss = false) => runNode([BIN, ...args], withRss);

const LOWER_BOUND = fileURLToPath(new URL('./lower-bound.js', import.meta.url));

/** The plain-Node lower bound on the same organization, writing its findings to `out`. */
export const lowerBound = (dir: string, out: string) => runNode([LOWER_BOUND, dir, AS_OF, out], true);

/**
 * Runs each command `times` times, taking turns (a, b, c, a, b, c, …) so that whatever else the
 * machine does weighs on all alike; returns the median run (by time) of each.
 */
export function interleaved(times: number, commands: (() => ProcessRun)[]): ProcessRun[] {
  const runs = commands.map((): ProcessRun[] => []);
  for (let i = 0; i < times; i++) {
    for (const [c, run] of commands.entries()) runs[c]!.push(run());
  }
  return runs.map((r) => r.sort((a, b) => a.ms - b.ms)[Math.floor(r.length / 2)]!);
}

export interface Phases {
  load: number;
  obtain: number;
  evaluate: number;
  json: number;
  total: number;
  findings: number;
}

/** The pipeline of `audit()` in this process, timed phase by phase, then rendered as JSON. */
export async function inProcess(dir: string): Promise<Phases> {
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  const config = await loadConfig(dir);
  const t1 = performance.now();
  const lists = await obtainAll(config, config.accounts, obtainOptions({ offline: true }));
  const t2 = performance.now();
  const evaluation = evaluate(config, lists, AS_OF);
  const report = buildReport(config, lists, evaluation, AS_OF, 'bench');
  const t3 = performance.now();
  reporters.json(report, { color: false, width: 80 });
  const t4 = performance.now();
  const incomplete = report.accounts.filter((a) => !a.complete);
  if (incomplete.length) throw new Error(`bench data did not load: ${incomplete[0]!.error}`);
  return {
    load: t1 - t0,
    obtain: t2 - t1,
    evaluate: t3 - t2,
    json: t4 - t3,
    total: t4 - t0,
    findings: report.findings.length,
  };
}
