import type { Problem } from '../errors.js';
import type { Platform } from '../model.js';
import { toPlatform } from '../platforms/registry.js';
import type { AllowlistFile } from './allowlist-schema.js';
import { toEntryRef } from './refs.js';
import type { LoadedList } from './shared-lists.js';
import type { Category, Entry } from './types.js';
import type { YamlFile } from './yaml-file.js';

/** The allowlists read: every entry, and the categories they define. */
export interface Catalog {
  entries: Entry[];
  categories: Map<string, Category>;
}

/** Builds the entries of every allowlist; an account listed twice in one category is a problem. */
export function buildCatalog(lists: readonly LoadedList[], problems: Problem[]): Catalog {
  const catalog: Catalog = { entries: [], categories: new Map() };
  const claimed = new Map<string, Entry>();
  for (const list of lists) {
    const { file, data } = list;
    if (data) catalog.entries.push(...buildEntries(list, data, problems, { catalog, claimed }));
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
  { file, shared, excluded }: LoadedList,
  data: AllowlistFile,
  problems: Problem[],
  seen: { catalog: Catalog; claimed: Map<string, Entry> },
): Entry[] {
  const { categories } = seen.catalog;
  const category = categories.get(data.category) ?? { name: data.category, description: null, files: [] };
  category.description ??= data.description ?? null;
  category.files.push(shared?.file ?? file.file);
  categories.set(data.category, category);
  // A shared list is checked on its own: an account both it and our own files list is no typo.
  const scope = `${shared?.file ?? ''}|${data.category}`;
  const claim = (entry: Entry, at: string, path: () => (string | number)[]) => {
    const other = seen.claimed.get(at);
    if (other && other !== entry) {
      const key = at.slice(scope.length + 1);
      problems.push(
        file.problem(
          path(),
          `${key} is already in entry "${other.name}" (${other.file}:${other.line}) of category "${data.category}": list each account in one entry per category`,
        ),
      );
    }
    seen.claimed.set(at, entry);
  };
  return data.entries.flatMap((written, i) => {
    if (excluded.has(i)) return [];
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
    if (shared) entry.sharedList = shared.file;
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
        if (id) claim(entry, `${scope}|${platform}:id:${id}`, path);
        if (handle) claim(entry, `${scope}|${platform}:${handle}`, path);
        entry.refs.push(ref.value);
      }
    }
    return [entry];
  });
}

function retraction(written: string | { date: string; reason?: string | undefined } | undefined) {
  if (written === undefined) return null;
  return typeof written === 'string'
    ? { date: written, reason: null }
    : { date: written.date, reason: written.reason ?? null };
}
