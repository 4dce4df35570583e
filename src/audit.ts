import { loadConfig } from './config/load.js';
import { selectAccounts } from './config/select.js';
import { followKeysOf } from './core/changes.js';
import { evaluate } from './core/evaluate.js';
import { buildReport, type Report } from './core/report.js';
import type { ObtainOptions } from './sources/obtain.js';
import { liveOptions, obtainAll } from './sources/obtain-all.js';
import { configCache } from './store/config-cache.js';
import { rememberIdentities } from './store/identities.js';
import { removeAbandonedTemps } from './store/keep.js';
import { type HistoryOptions, withHistory } from './store/reports.js';
import { todayOf } from './util/days.js';
import { VERSION } from './version.js';

export interface AuditOptions extends Partial<ObtainOptions>, HistoryOptions {
  /** The audit folder (default: the current directory). */
  config?: string;
  /** "Today", YYYY-MM-DD; default: today in the policy's timezone. */
  asOf?: string;
  accounts?: string[];
  platforms?: string[];
}

/** Load → obtain each account's following list → evaluate → the report. */
export async function audit(options: AuditOptions = {}): Promise<Report> {
  const dir = options.config ?? '.';
  const config = await loadConfig(dir, configCache(dir));
  await removeAbandonedTemps(config.dir);
  const context = await liveOptions(config, options);
  const { keeper } = context;
  const now = context.now();
  const today = todayOf(config.timezone, options.asOf, now);
  const obtained = await obtainAll(config, selectAccounts(config, options), { ...context, today });
  const lists = await rememberIdentities(config.dir, obtained, now, keeper);
  const report = buildReport(config, lists, evaluate(config, lists, today), today, VERSION);
  const result = await withHistory(config.dir, report, followKeysOf(lists), options, now, keeper);
  // What could not be kept costs the next run's comparison, never this run's verdict.
  const notes = keeper.notes();
  return notes.length ? { ...result, notes } : result;
}
