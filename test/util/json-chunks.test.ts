import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indentedJsonChunks, jsonChunks } from '../../src/util/json-chunks.js';

// The pieces a saved report is written in must be JSON.stringify's text exactly: the next audit
// and `plan` read it as the whole report.

const joined = (value: Record<string, unknown>) => [...jsonChunks(value)].join('');

describe('jsonChunks', () => {
  it('joins to JSON.stringify of any JSON value in an object', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        expect(joined(value)).toBe(JSON.stringify(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('cuts long arrays, and those in an object of them, into whole items, joined exactly', () => {
    const finding = (i: number) => ({
      kind: 'not-allowed',
      target: { id: String(i), handle: `h${i}`, name: null },
      n: i,
    });
    const value = {
      schemaVersion: 1,
      skipped: undefined,
      findings: Array.from({ length: 4501 }, (_, i) => finding(i)),
      follows: {
        'chapter-x': {
          id: Array.from({ length: 5000 }, (_, i) => (i % 7 ? String(i) : null)),
          handle: [],
          name: ['a"b'],
        },
        empty: {},
      },
      when: new Date(0),
      savedAt: '2026-11-21T00:00:00.000Z',
    };
    const chunks = [...jsonChunks(value)];
    expect(chunks.join('')).toBe(JSON.stringify(value));
    // The findings came in three pieces of whole items, not as one string.
    expect(chunks.filter((c) => c.includes('"kind"')).length).toBe(3);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(JSON.stringify(value.findings).length / 2);
  });
});

describe('indentedJsonChunks', () => {
  const indentedJoined = (value: Record<string, unknown>) => [...indentedJsonChunks(value)].join('');

  it('joins to JSON.stringify(value, null, 2) of any JSON value in an object', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        expect(indentedJoined(value)).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 2000 },
    );
  });

  it('cuts a long array of the object into pieces of whole items, joined exactly', () => {
    const value = {
      a: undefined,
      findings: Array.from({ length: 4100 }, (_, i) => ({ n: i, nested: { list: [i, 'x\n'], empty: [] } })),
      holes: Array.from({ length: 2500 }, (_, i) => (i % 2 ? undefined : i)),
      last: {},
    };
    const chunks = [...indentedJsonChunks(value)];
    expect(chunks.join('')).toBe(JSON.stringify(value, null, 2));
    expect(chunks.filter((c) => c.includes('"nested"')).length).toBe(3);
  });
});
