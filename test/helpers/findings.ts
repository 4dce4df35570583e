import {
  type EntryInfo,
  type ExceptionInfo,
  FINDING_KINDS,
  type Finding,
  type FindingFacts,
  type FindingKind,
  type FindingSubject,
} from '../../src/core/findings.js';

const ENTRY: EntryInfo = {
  name: 'Example Entry',
  category: 'chapters',
  file: 'allowlists/chapters.yaml',
  line: 3,
};
const EXCEPTION: ExceptionInfo = {
  follows: 'x:@example',
  expires: '2026-12-01',
  file: 'policy/policy.yaml',
  line: 30,
};

interface Parts {
  entry?: EntryInfo;
  exception?: ExceptionInfo;
  since?: string;
  expires?: string;
}

/** The facts a finding of `kind` has, from the given parts or placeholders. */
export function factsOf(kind: FindingKind, parts: Parts = {}): FindingFacts {
  const entry = parts.entry ?? ENTRY;
  const exception = parts.exception ?? EXCEPTION;
  const since = parts.since ?? '2026-11-01';
  const expires = parts.expires ?? '2026-12-01';
  switch (kind) {
    case 'not-allowed':
    case 'unidentified':
      return { kind, entry: null, exception: null, since: null, expires: null };
    case 'category-not-allowed':
    case 'handle-changed':
    case 'name-only-match':
      return { kind, entry, exception: null, since: null, expires: null };
    case 'endorsement-lapsed':
    case 'endorsement-retracted':
    case 'endorsement-expiring':
      return { kind, entry, exception: null, since, expires };
    case 'exception-expired':
    case 'exception-expiring':
      return { kind, entry: null, exception, since, expires };
    case 'exception-unused':
      return { kind, entry: null, exception, since: null, expires };
  }
}

/** A finding for reporter and comparison tests, with the message given. */
export function findingOf(
  kind: FindingKind,
  subject: FindingSubject,
  message: string,
  parts: Parts = {},
): Finding {
  return Object.assign({ kind, class: FINDING_KINDS[kind].class, ...subject }, factsOf(kind, parts), {
    message,
  });
}
