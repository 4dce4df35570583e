import type { Problem } from '../errors.js';
import type { Platform } from '../model.js';
import { toPlatform } from '../platforms/registry.js';
import type { AllowlistFile } from './allowlist-schema.js';
import { toEntryRef } from './refs.js';
import type { LoadedList } from './shared-lists.js';
import type { Category, Entry, EntryRef } from './types.js';
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
      ...(shared ? { sharedList: shared.file } : {}),
    };
    for (const [key, value] of Object.entries(written.accounts)) {
      if (value === undefined) continue;
      const platform = toPlatform(key) as Platform;
      const values = Array.isArray(value) ? value : [value];
      values.forEach((input, j) => {
        const path = () => ['entries', i, 'accounts', key, ...(Array.isArray(value) ? [j] : [])];
        const ref = toEntryRef(platform, input);
        if (!ref.ok) {
          problems.push(file.problem(path(), ref.problem));
          return;
        }
        for (const key of refKeys(ref.value)) {
          const other = seen.claimed.get(`${scope}|${key}`);
          if (other && other !== entry) {
            problems.push(
              file.problem(
                path(),
                `${key} is already in entry "${other.name}" (${other.file}:${other.line}) of category "${data.category}": list each account in one entry per category`,
              ),
            );
          }
          seen.claimed.set(`${scope}|${key}`, entry);
        }
        entry.refs.push(ref.value);
      });
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

function refKeys(ref: EntryRef): string[] {
  const keys: string[] = [];
  if (ref.id) keys.push(`${ref.platform}:id:${ref.id}`);
  if (ref.handle) keys.push(`${ref.platform}:${ref.handle}`);
  return keys;
}
