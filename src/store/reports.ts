import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { type Baseline, compareReports, type FollowKey } from '../core/changes.js';
import type { Report } from '../core/report.js';
import { UsageError } from '../errors.js';
import type { Day } from '../model.js';
import { isDay } from '../util/days.js';
import { jsonChunks } from '../util/json-chunks.js';
import { readHead, topLevelString } from '../util/json-head.js';
import { keepFile, readJson } from './files.js';
import type { Keeper } from './keep.js';
import { reportsFolder, timestampedName } from './layout.js';
import { type FollowColumns, isSavedReport } from './saved-report.js';

export interface HistoryOptions {
  /** Keep this report under .follow-audit/reports/ (default true). */
  save?: boolean;
  /** Compare with this report file, or the newest saved report as of this day. */
  since?: string;
}

/** Adds `changes` (against the earlier report) to the report, then keeps it for next time. */
export async function withHistory(
  dir: string,
  report: Report,
  follows: Record<string, FollowKey[]>,
  options: HistoryOptions,
  now: Date,
  keeper: Keeper,
): Promise<Report> {
  const before = await findBaseline(dir, options.since, report.asOf);
  const changes = before ? compareReports(before, { ...report, follows }) : null;
  const result: Report = { ...report, changes, follows };
  if (options.save !== false) await keeper.keep('the report', () => saveReport(dir, result, now));
  return result;
}

async function saveReport(dir: string, report: Report, now: Date): Promise<void> {
  const savedAt = now.toISOString();
  const saved = { ...report, follows: report.follows && toColumns(report.follows), savedAt };
  // Compact, and written in pieces: only the next audit reads it, and it holds every follow.
  await keepFile(join(reportsFolder(dir), timestampedName(savedAt)), withNewline(jsonChunks(saved)));
}

/** The newest saved report as of `day` or earlier, for `plan`: its follows to end, its decisions. */
export async function latestSavedReport(
  dir: string,
  day: Day,
): Promise<{ file: string; report: Report } | null> {
  const folder = reportsFolder(dir);
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names
    .filter((n) => n.endsWith('.json'))
    .sort()
    .reverse()) {
    const path = join(folder, name);
    const asOf = await readAsOf(path, relative(dir, path));
    if (asOf === null || asOf > day) continue;
    let value: unknown;
    try {
      value = await readJson(path);
    } catch {
      continue;
    }
    // A saved report is a whole report (docs/json-report.md); what plan reads of it is checked.
    if (isSavedReport(value)) return { file: relative(dir, path), report: value as Report };
  }
  return null;
}

/** `since` as a file, or the newest saved report as of `since` or earlier (default: before `asOf`). */
async function findBaseline(dir: string, since: string | undefined, asOf: Day): Promise<Baseline | null> {
  if (since !== undefined && !isDay(since)) {
    const baseline = await readBaseline(resolve(since), since);
    if (!baseline) throw new UsageError(`--since ${since}: not a follow-audit JSON report`);
    return baseline;
  }
  const folder = reportsFolder(dir);
  const names = await readdir(folder).catch(() => [] as string[]);
  // By default the last audit of an earlier day: re-running today's audit gives the same report.
  const earlier = (day: Day) => (since === undefined ? day < asOf : day <= since);
  for (const name of names
    .filter((n) => n.endsWith('.json'))
    .sort()
    .reverse()) {
    // Its asOf, read from the first bytes, passes over the day's other runs without reading them.
    const asOf = await readAsOf(join(folder, name), relative(dir, join(folder, name)));
    if (asOf !== null && !earlier(asOf)) continue;
    const baseline = await readBaseline(join(folder, name), relative(dir, join(folder, name)));
    if (baseline && earlier(baseline.asOf)) return baseline;
  }
  if (since !== undefined)
    throw new UsageError(`--since ${since}: no report in ${folder} is as of that day or earlier`);
  return null;
}

async function readAsOf(path: string, shown: string): Promise<string | null> {
  try {
    return topLevelString(await readHead(path, 4096), 'asOf');
  } catch (error) {
    throw new UsageError(`cannot read ${shown}: ${(error as Error).message}`);
  }
}

/** A report file read for comparison; null when it is not one (a stray or damaged file). */
async function readBaseline(path: string, shown: string): Promise<Baseline | null> {
  let value: unknown;
  try {
    value = await readJson(path);
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw new UsageError(`cannot read ${shown}: ${(error as Error).message}`);
  }
  if (!isSavedReport(value)) return null;
  const r = value;
  return {
    file: shown,
    asOf: r.asOf,
    savedAt: r.savedAt ?? null,
    accounts: r.accounts,
    findings: r.findings,
    follows: r.follows ? fromColumns(r.follows) : null,
  };
}

function toColumns(follows: Record<string, FollowKey[]>): Record<string, FollowColumns> {
  const columns: Record<string, FollowColumns> = {};
  for (const [account, keys] of Object.entries(follows)) {
    columns[account] = {
      id: keys.map((k) => k.id ?? null),
      handle: keys.map((k) => k.handle ?? null),
      name: keys.map((k) => k.name ?? null),
    };
  }
  return columns;
}

function fromColumns(follows: Record<string, FollowKey[] | FollowColumns>): Record<string, FollowKey[]> {
  const keys: Record<string, FollowKey[]> = {};
  for (const [account, saved] of Object.entries(follows)) {
    if (Array.isArray(saved)) {
      keys[account] = saved;
      continue;
    }
    keys[account] = saved.id.map((id, i) => {
      const key: FollowKey = {};
      if (id !== null) key.id = id;
      const handle = saved.handle[i] ?? null;
      if (handle !== null) key.handle = handle;
      const name = saved.name[i] ?? null;
      if (name !== null) key.name = name;
      return key;
    });
  }
  return keys;
}

function* withNewline(chunks: Iterable<string>): Generator<string> {
  yield* chunks;
  yield '\n';
}
