import type { Position } from './model.js';

export interface Problem extends Position {
  message: string;
}

export function formatProblem(p: Problem): string {
  return p.line > 0 ? `${p.file}:${p.line}:${p.column} ${p.message}` : `${p.file}: ${p.message}`;
}

/** The configuration is wrong: nothing can be audited (exit 2). Holds every problem found. */
export class ConfigError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ConfigError';
  }
}

/** The command line asks for something impossible (exit 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A following list could not be obtained completely. The account is reported incomplete (exit 3). */
export class SourceError extends Error {
  override name = 'SourceError';
}
