import { describe, expect, it } from 'vitest';
import { wrap } from '../../src/util/text.js';

describe('wrap', () => {
  it('breaks at spaces, never past the width where words fit', () => {
    expect(wrap('the exception letting chapter-x follow @a ended', 16)).toEqual([
      'the exception',
      'letting',
      'chapter-x follow',
      '@a ended',
    ]);
  });

  it('keeps a word longer than the width whole, on a line of its own, so a path or link still works', () => {
    expect(wrap('see https://example.org/abcdefghij now', 10)).toEqual([
      'see',
      'https://example.org/abcdefghij',
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
