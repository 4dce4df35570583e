import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { SourceError } from '../errors.js';
import { type FollowingList, PLATFORMS } from '../model.js';
import { readJson, writeAtomic } from './files.js';
import { snapshotFolder, timestampedName } from './layout.js';

const nullableText = z.string().nullable().default(null);
const followedSchema = z.object({
  id: nullableText,
  handle: nullableText,
  name: nullableText,
  url: nullableText,
  followedAt: nullableText.optional(),
});

export const snapshotSchema = z.object({
  schemaVersion: z.literal(1),
  platform: z.enum(PLATFORMS),
  account: z.string(),
  handle: z.string(),
  fetchedAt: z.string(),
  complete: z.boolean(),
  error: z.string().nullable().optional(),
  resume: z.unknown().optional(),
  following: z.array(followedSchema),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export function isSnapshotJson(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'schemaVersion' in value && 'following' in value;
}

export function parseSnapshot(value: unknown): Snapshot {
  const parsed = snapshotSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SourceError(
      `not a valid follow-audit snapshot (${issue.path.join('.') || 'top level'}: ${issue.message})`,
    );
  }
  return parsed.data;
}

export function snapshotOf(list: FollowingList, resume?: unknown): Snapshot {
  return {
    schemaVersion: 1,
    platform: list.platform,
    account: list.account,
    handle: list.handle,
    fetchedAt: list.fetchedAt ?? new Date().toISOString(),
    complete: list.complete,
    ...(list.error ? { error: list.error } : {}),
    ...(resume === undefined ? {} : { resume }),
    following: list.following.map((f) => ({ id: f.id, handle: f.handle, name: f.name, url: f.url })),
  };
}

export async function saveSnapshot(dir: string, snapshot: Snapshot): Promise<string> {
  const folder = snapshotFolder(dir, snapshot.account);
  await mkdir(folder, { recursive: true });
  const file = join(folder, timestampedName(snapshot.fetchedAt));
  await writeAtomic(file, `${JSON.stringify(snapshot, null, 2)}\n`);
  return file;
}

/** Snapshot files of one account, oldest first (their names sort by time). */
export async function listSnapshots(dir: string, account: string): Promise<string[]> {
  const folder = snapshotFolder(dir, account);
  try {
    const names = await readdir(folder);
    return names
      .filter((n) => n.endsWith('.json'))
      .sort()
      .map((n) => join(folder, n));
  } catch {
    return [];
  }
}

export async function readSnapshotFile(path: string): Promise<Snapshot> {
  let value: unknown;
  try {
    value = await readJson(path);
  } catch (error) {
    throw new SourceError(`cannot read snapshot ${path}: ${(error as Error).message}`);
  }
  return parseSnapshot(value);
}
