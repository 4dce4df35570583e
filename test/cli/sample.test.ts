import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/report/report-schema.js';
import { run } from '../helpers/cli.js';

describe('the shipped sample', () => {
  it('validates', () => {
    const r = run(['validate']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('audits with every finding kind and exit 1', () => {
    const r = run(['audit', '--as-of', '2026-11-21', '--format', 'json', '--no-save']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const kinds = new Set(report.findings.map((f: { kind: string }) => f.kind));
    expect([...kinds].sort()).toEqual([
      'category-not-allowed',
      'endorsement-expiring',
      'endorsement-lapsed',
      'endorsement-retracted',
      'exception-expired',
      'exception-expiring',
      'exception-unused',
      'handle-changed',
      'name-only-match',
      'not-allowed',
    ]);
    // Parsing drops what the schema does not list: nothing may be dropped, nothing may fail.
    expect(reportSchema.parse(report)).toEqual(report);
  });
});
