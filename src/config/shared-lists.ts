// Shared lists (docs/files.md, "Shared lists"): an allowlist file may name a list someone else
// keeps, pinned by the SHA-256 of its content. Loading reads only the pinned copy under
// .follow-audit/shared/, so validate, audit, check and the members' page never need the network.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Problem } from '../errors.js';
import { plainAllowlist, plainInclude } from './allowlist-check.js';
import type { AllowlistFile } from './allowlist-schema.js';
import type { IncludeFile } from './include-schema.js';
import { ALLOWLIST_DIR, SHARED_DIR } from './layout.js';
import type { SharedList } from './types.js';
import { validateLazily, YamlFile } from './yaml-file.js';

/** A shared list is a hand-kept allowlist: larger files are refused, fetched or pinned. */
export const MAX_SHARED_BYTES = 10 * 1024 * 1024;

export interface LoadedList {
  file: YamlFile;
  data: AllowlistFile | null;
  problems: readonly Problem[];
  /** Set for the entries of a shared list. */
  shared: SharedList | null;
  /** Indexes of the shared list's entries that the including file excludes. */
  excluded: Set<number>;
  /** For a shared list's file: the allowlist file that includes it. */
  includedBy: string | null;
}

/** Where an include points: an https URL, or a file. */
export type SharedSource =
  | { label: string; url: URL; path: null }
  | { label: string; url: null; path: string };

/** Whether an allowlist file is written as an include (a top-level include: key). */
export const isIncludeText = (text: string) => /^["']?include["']?[ \t]*:/m.test(text);

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
export const pinnedCopy = (dir: string, sha256: string) => join(dir, SHARED_DIR, `${sha256}.yaml`);

/** Validates every allowlist file, reading the pinned copy of each one that includes a shared list. */
export function readLists(dir: string, files: YamlFile[]): Promise<LoadedList[]> {
  return Promise.all(
    files.map(async (file) =>
      isIncludeText(file.text)
        ? readShared(dir, file)
        : {
            file,
            ...(await validateAllowlist(file)),
            shared: null,
            excluded: new Set<number>(),
            includedBy: null,
          },
    ),
  );
}

const allowlistSchema = async () => (await import('./allowlist-schema.js')).allowlistSchema;
const includeSchema = async () => (await import('./include-schema.js')).includeSchema;
export const validateAllowlist = (file: YamlFile) => validateLazily(file, plainAllowlist, allowlistSchema);

async function readShared(dir: string, including: YamlFile): Promise<LoadedList> {
  const unread = (file: YamlFile, problems: readonly Problem[], includedBy: string | null = null) => ({
    file,
    data: null,
    problems,
    shared: null,
    excluded: new Set<number>(),
    includedBy,
  });
  const written = await validateLazily(including, plainInclude, includeSchema);
  if (!written.data) return unread(including, written.problems);
  const { include, exclude, updated } = written.data;
  const source = sharedSource(dir, including.file, include);
  if (typeof source === 'string') return unread(including, [including.problem(['include'], source)]);
  if (!written.data.sha256) {
    const message = `${source.label} is not pinned yet: run "follow-audit update --write" to fetch it and write its sha256`;
    return unread(including, [including.problem(['include'], message)]);
  }
  const sha256 = written.data.sha256.toLowerCase();
  const text = await readPinned(dir, sha256, source.label);
  if (text instanceof Error) return unread(including, [including.problem(['sha256'], text.message)]);
  const file = new YamlFile(source.label, text, true);
  if (isIncludeText(text)) {
    const message =
      'include: a shared list cannot include another list: its keepers must write the entries into it';
    return unread(file, [{ file: source.label, ...file.at(['include'], true), message }], including.file);
  }
  const read = await validateAllowlist(file);
  if (!read.data) return unread(file, read.problems, including.file);
  const excluded = exclusions(including, exclude, read.data, source.label);
  const shared: SharedList = {
    file: including.file,
    line: including.at(['include']).line,
    source: source.label,
    sha256,
    updated: updated ?? null,
    category: read.data.category,
    entries: read.data.entries.length - excluded.set.size,
    excluded: excluded.list,
    changed: source.path ? await differs(source.path, sha256) : null,
  };
  return {
    file,
    data: read.data,
    problems: excluded.problems,
    shared,
    excluded: excluded.set,
    includedBy: including.file,
  };
}

/** Problems in a shared list's file also name the file that includes it, and who can fix them. */
export function nameIncluders(problems: Problem[], lists: LoadedList[]): void {
  const includers = new Map(lists.flatMap((l) => (l.includedBy ? [[l.file.file, l.includedBy]] : [])));
  for (const p of problems) {
    const by = includers.get(p.file);
    if (by)
      p.message += ` (in the shared list that ${by} includes: its keepers must fix it, or pin another version)`;
  }
}

/** A scheme (https:, http:, file:, …), but not a Windows drive letter. */
const hasScheme = (include: string) => /^[a-z][a-z0-9+.-]+:/i.test(include);

/** The include as a source, or what is wrong with it. */
export function sharedSource(dir: string, file: string, include: string): SharedSource | string {
  const written = include.trim();
  if (hasScheme(written)) {
    let url: URL;
    try {
      url = new URL(written);
    } catch {
      return `${written} is not a valid URL: write an https URL, or a path relative to this file`;
    }
    if (url.protocol !== 'https:')
      return `${written} is not an https URL: a shared list is fetched only over https, so that nobody on the way can change it (write https://…, or a path relative to this file)`;
    if (url.username || url.password)
      return `${written} carries a user name or password: a shared list is public, so its URL needs none (and would be printed in reports)`;
    return { label: written, url, path: null };
  }
  const path = resolve(dirname(join(dir, file)), written);
  const label = relative(dir, path).split(sep).join('/');
  if (dirname(label) === ALLOWLIST_DIR)
    return `${label} is itself in ${ALLOWLIST_DIR}/, where every file is loaded already: keep a shared list outside ${ALLOWLIST_DIR}/ (for example in shared/)`;
  return { label, url: null, path };
}

/** The pinned copy's text; an Error saying what to do where it is missing, damaged or not the pin. */
export async function readPinned(dir: string, sha256: string, label: string): Promise<string | Error> {
  const path = pinnedCopy(dir, sha256);
  const shown = `${SHARED_DIR}/${sha256}.yaml`;
  const again = `run "follow-audit update --write" to fetch ${label} again and pin what it holds now`;
  let bytes: Buffer;
  try {
    if ((await stat(path)).size > MAX_SHARED_BYTES)
      return new Error(`the pinned copy ${shown} is larger than 10 MB: restore it from git, or ${again}`);
    bytes = await readFile(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return new Error(
      missing
        ? `the pinned copy ${shown} is missing: restore it from git (${SHARED_DIR}/ is meant to be committed), or ${again}`
        : `the pinned copy ${shown} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): ${again}`,
    );
  }
  const actual = sha256Of(bytes);
  if (actual !== sha256)
    return new Error(
      `the pinned copy ${shown} does not match this sha256 (its content hashes to ${actual}): it was changed after it was pinned; restore it from git, or ${again}`,
    );
  const text = decodeUtf8(bytes);
  return text ?? new Error(`the pinned copy ${shown} is not UTF-8 text: ${again}`);
}

/** The text of a file's bytes, or null where they are not UTF-8. A BOM is kept, so the bytes hash alike. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A file besides policy.yaml and the allowlists that a loaded config depends on, as it was then. */
export interface SharedInput {
  path: string;
  sha256: string;
  differs: boolean | null;
}

/** The pinned copies a config was read from (each holds its pin), and the path sources it compared them with. */
export function sharedInputs(dir: string, lists: readonly SharedList[]): SharedInput[] {
  return lists.flatMap((l) => {
    const pinned = { path: pinnedCopy(dir, l.sha256), sha256: l.sha256, differs: false };
    // A path source's label is its path from the audit folder.
    if (hasScheme(l.source)) return [pinned];
    return [pinned, { path: resolve(dir, l.source), sha256: l.sha256, differs: l.changed }];
  });
}

/** Whether the file at a path source holds something else than the pin; null where it cannot be read. */
export async function differs(path: string, sha256: string): Promise<boolean | null> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_SHARED_BYTES) return null;
    return sha256Of(await readFile(path)) !== sha256;
  } catch {
    return null;
  }
}

const fold = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** The shared entries each `exclude:` names; an exclusion that names none is a problem (a typo would accept the entry). */
function exclusions(
  including: YamlFile,
  exclude: IncludeFile['exclude'],
  data: AllowlistFile,
  label: string,
) {
  const set = new Set<number>();
  const problems: Problem[] = [];
  const list = exclude.map((x, i) => {
    const found = data.entries.flatMap((e, j) => (fold(e.name) === fold(x.name) ? [j] : []));
    if (found.length === 0)
      problems.push(
        including.problem(
          ['exclude', i, 'name'],
          `no entry of ${label} is named "${x.name}": write the name as the shared list does (an entry it no longer has needs no exclusion: remove this one)`,
        ),
      );
    for (const j of found) set.add(j);
    return {
      name: x.name,
      decided: x.decided ?? null,
      decision: x.decision ?? null,
      line: including.itemLine('exclude', i),
    };
  });
  return { set, list, problems };
}
