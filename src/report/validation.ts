import { join } from 'node:path';
import type { SharedList } from '../config/types.js';
import { formatProblem, type Problem } from '../errors.js';
import { plural, sanitizeLine } from '../util/text.js';
import { annotation } from './github.js';
import { sharedListNote, sharedListWords } from './shared-lists.js';

// What `validate` found, and how it shows it: for people, for programs, for pull requests.

export interface Checked extends Problem {
  /** An error stops every audit; a warning (a template placeholder left in place) does not. */
  severity: 'error' | 'warning';
}

export interface Validation {
  /** Errors first, each group in file order. */
  problems: Checked[];
  /** What was read, when everything loaded. */
  checked: {
    accounts: number;
    exceptions: number;
    categories: { name: string; entries: number }[];
    sharedLists: SharedList[];
  } | null;
}

export const hasErrors = (v: Validation) => v.problems.some((p) => p.severity === 'error');

export function validationText(v: Validation): string {
  const errors = v.problems.filter((p) => p.severity === 'error');
  const warnings = v.problems.filter((p) => p.severity === 'warning');
  const lines = (ps: typeof v.problems) => ps.map((p) => `  ${sanitizeLine(formatProblem(p))}`);
  const out: string[] = [];
  if (errors.length) {
    out.push(`follow-audit: ${plural(errors.length, 'problem')} in the configuration; nothing was audited.`);
    out.push(...lines(errors));
  }
  if (v.checked) {
    const lists = v.checked.categories.map((c) => `${c.name} (${plural(c.entries, 'entry', 'entries')})`);
    out.push(
      `policy/policy.yaml: ${plural(v.checked.accounts, 'account')}, ${plural(v.checked.exceptions, 'exception')}`,
      `allowlists: ${lists.join(', ')}`,
      ...v.checked.sharedLists.flatMap((s) => {
        const note = sharedListNote(s);
        return [`shared list ${sharedListWords(s)}`, ...(note ? [`  ${note}`] : [])];
      }),
    );
  }
  if (warnings.length) out.push(`${plural(warnings.length, 'warning')}:`, ...lines(warnings));
  if (!errors.length)
    out.push(warnings.length ? 'No problems found, but see the warnings above.' : 'No problems found.');
  return `${out.join('\n')}\n`;
}

export function validationJson(v: Validation): string {
  return `${JSON.stringify({ schemaVersion: 1, valid: !hasErrors(v), ...v }, null, 2)}\n`;
}

/**
 * An annotation per problem at its file and line. `folder` is the audit folder as seen from the
 * workflow's working directory (the repository root), since GitHub places annotations by the
 * path from there.
 */
export function validationGithub(v: Validation, folder: string): string {
  const lines = v.problems.map((p) =>
    annotation(
      p.severity,
      {
        file: join(folder, p.file),
        ...(p.line > 0 ? { line: p.line, col: p.column } : {}),
        title: p.severity === 'error' ? 'follow-audit: configuration problem' : 'follow-audit: warning',
      },
      p.message,
    ),
  );
  const errors = v.problems.filter((p) => p.severity === 'error').length;
  lines.push(
    annotation(
      'notice',
      { title: 'follow-audit validate' },
      errors
        ? `${plural(errors, 'problem')} to fix: nothing can be audited until then`
        : validationText(v).trim().split('\n').at(-1)!,
    ),
  );
  return `${lines.join('\n')}\n`;
}
