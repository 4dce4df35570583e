import { daysBetween } from '../util/days.js';
import { plural } from '../util/text.js';
import { type Finding, targetLabel } from './findings.js';

type Draft = Omit<Finding, 'message' | 'class'>;

/** The one sentence every format shows for a finding. */
export function describe(f: Draft, today: string): string {
  const who = targetLabel(f.target);
  const entry = f.entry?.name ?? who;
  const left = f.expires ? daysBetween(today, f.expires) : 0;
  const inDays = left === 0 ? 'today is its last day' : `in ${plural(left, 'day')}`;
  switch (f.kind) {
    case 'not-allowed':
      return `${f.account} follows ${who}, who is on no allowlist and has no exception`;
    case 'category-not-allowed':
      return `${who} is listed as ${entry} in category "${f.entry?.category}", which ${f.account} may not follow`;
    case 'exception-expired':
      return `The exception letting ${f.account} follow ${who} ended on ${f.expires}`;
    case 'endorsement-lapsed':
      return `${entry}'s endorsement ended on ${f.expires}`;
    case 'endorsement-retracted':
      return `${entry}'s endorsement was retracted on ${f.since}`;
    case 'endorsement-expiring':
      return `${entry}'s endorsement ends on ${f.expires} (${inDays})`;
    case 'exception-expiring':
      return `The exception letting ${f.account} follow ${who} ends on ${f.expires} (${inDays})`;
    case 'handle-changed':
      return `${entry} is now ${who}: update the handle in ${f.entry?.file}`;
    case 'name-only-match':
      return `${who} matches ${entry} (${f.entry?.category}) by display name only: confirm it is the same account`;
    case 'exception-unused':
      return `${f.account === '*' ? 'No account' : f.account} no longer follows ${f.exception?.follows ?? who}: remove the exception`;
  }
}
