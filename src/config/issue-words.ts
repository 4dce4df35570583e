import type { z } from 'zod';
import { show } from './show.js';

// Every schema problem in words a volunteer editing the file can act on. zod's own texts
// ("Invalid input: expected int", "Too small: expected number to be >=0") never reach anyone:
// this error map answers every issue, and a schema's own message, where it has one, wins over it.

type Issue = z.core.$ZodRawIssue;

export function issueWords(issue: Issue): string {
  const input = issue.input;
  const path = issue.path ?? [];
  const last = path[path.length - 1];
  if (input === null) {
    return typeof last === 'number'
      ? 'this list item is empty: write it after the "-", or remove the line'
      : 'nothing is written after the colon: write a value, or remove the line';
  }
  switch (issue.code) {
    case 'invalid_type':
      return wrongType(issue.expected, input);
    case 'too_small':
      return tooSmall(issue.origin, Number(issue.minimum), input);
    case 'too_big':
      if (issue.origin === 'int' || issue.origin === 'number') return tooLong(String(input));
      return `is too long: at most ${String(issue.maximum)} allowed`;
    case 'invalid_value':
      return `${show(input)} is not a choice here: it must be one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'url'
        ? `${show(input)} is not a web address: write it like https://example.org`
        : `${show(input)} is not written the way this field needs`;
    default:
      return `${show(input)} is not valid here`;
  }
}

/** A number past 2^53 is not exact: `written` is how the file has it, digit for digit. */
export function tooLong(written: string): string {
  return `${written} is too long to be read as a number: put quotes around it, "${written}"`;
}

const WANTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  array: 'a list (lines starting with "- ", or [a, b])',
  object: 'key: value lines',
  boolean: 'true or false',
};

/** The whole file is not key: value lines (a list, or a line of text). */
export function notAMapping(input: unknown): string {
  return `this file holds ${show(input)}, but it should be key: value lines (each key at the start of a line, then a colon and a space)`;
}

function wrongType(expected: string, input: unknown): string {
  const wanted = WANTED[expected] ?? 'something else';
  if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean'))
    return `${String(input)} is read as ${typeof input === 'number' ? 'a number' : 'yes/no'}: put it in quotes, "${String(input)}", to write it as text`;
  if (expected === 'int' && typeof input === 'number')
    return `${String(input)} is not a whole number: write one without a decimal point`;
  if ((expected === 'number' || expected === 'int') && typeof input === 'string')
    return `${show(input)} is not a number: write digits only, like 30`;
  if (expected === 'object' && typeof input === 'string' && /^[^\s:]+:\S/.test(input)) {
    const [key, ...rest] = input.split(':');
    return `${show(input)} needs a space after the colon: write "${key}: ${rest.join(':')}"`;
  }
  if (expected === 'object' && Array.isArray(input))
    return 'this is a list (its lines start with "- "), but key: value lines are expected here: remove the "- "';
  if (expected === 'array' && typeof input === 'string')
    return `${show(input)} is a single value, but a list is expected here: write [${input}], or each item on its own line starting with "- "`;
  if (expected === 'array' && typeof input === 'object')
    return 'these are key: value lines, but a list is expected here: start each item with "- "';
  return `${wanted} is expected here, but this is ${show(input)}`;
}

function tooSmall(origin: string, minimum: number, input: unknown): string {
  if (origin === 'string') return 'this is empty: write a value, or remove the line';
  if (origin === 'array') return `needs at least ${minimum} item${minimum === 1 ? '' : 's'}`;
  return `${String(input)} is less than ${minimum}: write ${minimum} or more`;
}
