import { describe, expect, it } from 'vitest';
import { wrap } from '../../src/report/table.js';

describe('wrap', () => {
  it('breaks at spaces, never past the width', () => {
    expect(wrap('the exception letting chapter-x follow @a ended', 16)).toEqual([
      'the exception',
      'letting',
      'chapter-x follow',
      '@a ended',
    ]);
  });

  it('cuts a word longer than the width and goes on after it', () => {
    expect(wrap('see https://example.org/abcdefghij now', 10)).toEqual([
      'see',
      'https://ex',
      'ample.org/',
      'abcdefghij',
      'now',
    ]);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(wrap('🟥🟥🟥 ab', 4)).toEqual(['🟥🟥🟥', 'ab']);
  });

  it('keeps an empty text as one empty line', () => {
    expect(wrap('', 10)).toEqual(['']);
  });
});
