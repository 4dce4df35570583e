import { describe, expect, it } from 'vitest';
import { topLevelString } from '../../src/util/json-head.js';

describe('topLevelString', () => {
  const report = {
    schemaVersion: 1,
    tool: { asOf: 'nested' },
    organization: 'A "quoted", {odd} name',
    asOf: '2026-11-20',
  };

  it('finds a key of the outermost object, compact or indented', () => {
    expect(topLevelString(JSON.stringify(report), 'asOf')).toBe('2026-11-20');
    expect(topLevelString(JSON.stringify(report, null, 2), 'asOf')).toBe('2026-11-20');
  });

  it('gives null when the beginning does not reach the key, or it is not a string', () => {
    const text = JSON.stringify(report);
    expect(topLevelString(text.slice(0, text.indexOf('"asOf"') + 10), 'asOf')).toBeNull();
    expect(topLevelString(JSON.stringify({ tool: { asOf: 'nested' } }), 'asOf')).toBeNull();
    expect(topLevelString(JSON.stringify({ asOf: 20261120 }), 'asOf')).toBeNull();
    expect(topLevelString(JSON.stringify(['asOf', 'x']), 'asOf')).toBeNull();
  });
});
