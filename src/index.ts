// The programmatic interface: `audit(options)` returns the report object the CLI renders.
export { type AuditOptions, audit } from './audit.js';
export { check } from './commands/check.js';
export { loadConfig } from './config/load.js';
export type { Config } from './config/types.js';
export type { CheckResult } from './core/check.js';
export { EXIT, exitCodeFor, type FailOn } from './core/exit-code.js';
export { FINDING_KINDS, type Finding, type FindingClass, type FindingKind } from './core/findings.js';
export type { AccountResult, Report, Summary } from './core/report.js';
export { ConfigError, SourceError, UsageError } from './errors.js';
export type { AccountRef, Followed, FollowingList, Platform } from './model.js';
export { adapters, parsePlatformRef } from './platforms/registry.js';
export { FORMATS, type Format, reporters } from './report/registry.js';
