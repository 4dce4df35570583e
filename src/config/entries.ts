import type { Problem } from '../errors.js';
import type { Platform } from '../model.js';
import { toPlatform } from '../platforms/registry.js';
import type { AllowlistFile } from './allowlist-schema.js';
import { toEntryRef } from './refs.js';
import type { Category, Entry } from './types.js';
import type { YamlFile } from './yaml-file.js';

/** The allowlists read: every entry, and the categories they define. */
export interface Catalog {
  entries: Entry[];
  categories: Map<string, Category>;
}

/** Builds the entries of every allowlist; an account listed twice in one category is a problem. */
export function buildCatalog(
  lists: readonly { file: YamlFile; data: AllowlistFile | null }[],
  problems: Problem[],
): Catalog {
  const catalog: Catalog = { entries: [], categories: new Map() };
  const claimed = new Map<string, Entry>();
  for (const { file, data } of lists) {
    if (data) catalog.entries.push(...buildEntries(file, data, problems, { catalog, claimed }));
    else learnCategory(file, catalog.categories);
  }
  return catalog;
}

/** Still learns the category of a broken file, so `allow` does not cascade into more errors. */
function learnCategory(file: YamlFile, categories: Map<string, Category>): void {
  const name = /^category:\s*["']?([A-Za-z0-9._-]+)/m.exec(file.text)?.[1];
  if (name && !categories.has(name)) categories.set(name, { name, description: null, files: [file.file] });
}

function buildEntries(
  file: YamlFile,
  data: AllowlistFile,
  problems: Problem[],
  seen: { catalog: Catalog; claimed: Map<string, Entry> },
): Entry[] {
  const { categories } = seen.catalog;
  const category = categories.get(data.category) ?? { name: data.category, description: null, files: [] };
  category.description ??= data.description ?? null;
  category.files.push(file.file);
  categories.set(data.category, category);
  // Per category, the entry each account key is listed in.
  const claimed = seen.claimed;
  const claim = (entry: Entry, key: string, path: () => (string | number)[]) => {
    const at = `${data.category}|${key}`;
    const other = claimed.get(at);
    if (other && other !== entry) {
      problems.push(
        file.problem(
          path(),
          `${key} is already in entry "${other.name}" (${other.file}:${other.line}) of category "${data.category}": list each account in one entry per category`,
        ),
      );
    }
    claimed.set(at, entry);
  };
  return data.entries.map((written, i) => {
    const entry: Entry = {
      name: written.name,
      category: data.category,
      file: file.file,
      line: file.itemLine('entries', i),
      refs: [],
      endorsement: written.endorsement
        ? {
            level: written.endorsement.level ?? null,
            office: written.endorsement.office ?? null,
            endorsed: written.endorsement.endorsed ?? null,
            expires: written.endorsement.expires,
            retracted: retraction(written.endorsement.retracted),
          }
        : null,
      decided: written.decided ?? null,
      decision: written.decision ?? null,
      note: written.note ?? null,
    };
    for (const key in written.accounts) {
      const value = written.accounts[key];
      if (value === undefined) continue;
      const platform = toPlatform(key) as Platform;
      const list = Array.isArray(value);
      const values = list ? value : [value];
      for (let j = 0; j < values.length; j++) {
        const path = () => ['entries', i, 'accounts', key, ...(list ? [j] : [])];
        const ref = toEntryRef(platform, values[j]!);
        if (!ref.ok) {
          problems.push(file.problem(path(), ref.problem));
          continue;
        }
        const { id, handle } = ref.value;
        if (id) claim(entry, `${platform}:id:${id}`, path);
        if (handle) claim(entry, `${platform}:${handle}`, path);
        entry.refs.push(ref.value);
      }
    }
    return entry;
  });
}

function retraction(written: string | { date: string; reason?: string | undefined } | undefined) {
  if (written === undefined) return null;
  return typeof written === 'string'
    ? { date: written, reason: null }
    : { date: written.date, reason: written.reason ?? null };
}
