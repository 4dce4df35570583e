// How every format names a shared list and its pin, so that validate, the table and the Markdown
// report say the same.
import type { SharedList } from '../config/types.js';
import type { Report } from '../core/report.js';
import { plural } from '../util/text.js';

/** "allowlists/national.yaml: https://… (endorsed), pinned 9f2c41d0 on 2026-11-01, 12 entries, 1 excluded" */
export function sharedListWords(s: SharedList): string {
  const pinned = `pinned ${s.sha256.slice(0, 12)}${s.updated ? ` on ${s.updated}` : ''}`;
  const excluded = s.excluded.length ? `, ${s.excluded.length} excluded` : '';
  return `${s.file}: ${s.source} (${s.category}), ${pinned}, ${plural(s.entries, 'entry', 'entries')}${excluded}`;
}

/** What to do about a shared list, or null when nothing. */
export function sharedListNote(s: SharedList): string | null {
  return s.changed
    ? `${s.source} has changed since its pin, and audits still use the pinned copy: run "follow-audit update" to see what changed`
    : null;
}

/** After a place's file and line: which shared list a shared entry came from. */
export const sharedFrom = (place: { sharedList?: string }) =>
  place.sharedList ? `, from the shared list in ${place.sharedList}` : '';

/**
 * Where an annotation can point for a place: a shared entry's source may be a URL, and is not
 * ours to edit either way, so it points at the include (where an exclusion would go).
 */
export function editablePlace(report: Report, place: { file: string; line: number; sharedList?: string }) {
  const shared = place.sharedList && report.sharedLists?.find((s) => s.file === place.sharedList);
  return shared ? { file: shared.file, line: shared.line } : { file: place.file, line: place.line };
}
