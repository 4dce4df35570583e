import { describe, expect, it } from 'vitest';
import { FINDING_KINDS, type FindingDraft, type FindingKind } from '../../src/core/findings.js';
import { findingMessage } from '../../src/core/message.js';
import { factsOf } from '../helpers/findings.js';

const target = { id: null, handle: 'examplepundit', name: null, url: null };

function draft(kind: FindingKind, parts: Parameters<typeof factsOf>[1] = {}): FindingDraft {
  return {
    ...factsOf(kind, parts),
    class: FINDING_KINDS[kind].class,
    account: 'chapter-x',
    platform: 'x',
    target,
  };
}

describe('findingMessage', () => {
  it('names the account in an audit and the organization in check', () => {
    expect(findingMessage(draft('not-allowed'), '2026-11-21')).toBe(
      'chapter-x follows @examplepundit, who is on no allowlist and has no exception',
    );
    expect(findingMessage(draft('not-allowed'), '2026-11-21', 'organization')).toBe(
      '@examplepundit is on no allowlist and no exception covers every account',
    );
    expect(findingMessage(draft('not-allowed'), '2026-11-21', 'organization-without-exceptions')).toBe(
      '@examplepundit is on no allowlist',
    );
    expect(findingMessage(draft('category-not-allowed'), '2026-11-21', 'organization')).toBe(
      '@examplepundit is listed as Example Entry in category "chapters", which not every account may follow',
    );
  });

  it('counts the days left, and says when today is the last one', () => {
    const ending = (expires: string) =>
      findingMessage(draft('endorsement-expiring', { expires }), '2026-11-21');
    expect(ending('2026-11-21')).toBe(
      "Example Entry's endorsement ends on 2026-11-21 (today is its last day)",
    );
    expect(ending('2026-11-22')).toBe("Example Entry's endorsement ends on 2026-11-22 (in 1 day)");
    expect(ending('2026-12-01')).toBe("Example Entry's endorsement ends on 2026-12-01 (in 10 days)");
  });

  it('says in English that an exception for every account is used by none', () => {
    const unused = draft('exception-unused');
    expect(findingMessage({ ...unused, account: '*' }, '2026-11-21')).toBe(
      `None of our accounts follows ${unused.exception!.follows}: remove the exception`,
    );
    expect(findingMessage(unused, '2026-11-21')).toBe(
      `chapter-x no longer follows ${unused.exception!.follows}: remove the exception`,
    );
  });

  it('gives every kind a sentence of its own', () => {
    const kinds = Object.keys(FINDING_KINDS) as FindingKind[];
    const sentences = new Set(kinds.map((k) => findingMessage(draft(k), '2026-11-21')));
    expect(sentences.size).toBe(kinds.length);
  });
});
