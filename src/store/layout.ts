// Everything follow-audit keeps in an audit folder lives under .follow-audit/, laid out here.
import { join } from 'node:path';

export const STORE_DIR = '.follow-audit';
/** Every audit's report, with its follow lists, so the next one can say what changed. */
export const REPORTS_DIR = `${STORE_DIR}/reports`;
/** Following lists fetched live, one folder per audited account. */
export const SNAPSHOT_DIR = `${STORE_DIR}/snapshots`;
/** Every id↔handle pair learned, so id-only sources (X archives, repo.car) get names. */
export const IDENTITIES_FILE = `${STORE_DIR}/identities.json`;

export const reportsFolder = (dir: string) => join(dir, REPORTS_DIR);
export const snapshotFolder = (dir: string, account: string) => join(dir, SNAPSHOT_DIR, account);
export const identitiesPath = (dir: string) => join(dir, IDENTITIES_FILE);

/** A file name for a moment (an ISO date-time): names sort in time order and suit every file system. */
export const timestampedName = (iso: string) => `${iso.replace(/[:.]/g, '-')}.json`;

/** Whether a path names a kept snapshot (as a source written in policy.yaml may). */
export const isSnapshotPath = (path: string) => path.includes(`${SNAPSHOT_DIR}/`);
