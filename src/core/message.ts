import { daysBetween } from '../util/days.js';
import { httpUrl, plural } from '../util/text.js';
import { type FindingDraft, findingTarget, lookAlikeOf } from './findings.js';
import { profileUrl, visibleHandle } from './identity.js';

/**
 * Whom a finding is about: one audited account (the audit), or every account at once (`check`
 * without an account, which answers for the organization), where the exceptions may not be known
 * (the members' page leaves them out).
 */
export type MessageScope = 'account' | 'organization' | 'organization-without-exceptions';

/** The one sentence every format shows for a finding. */
export function findingMessage(f: FindingDraft, today: string, scope: MessageScope = 'account'): string {
  const who = findingTarget(f);
  const org = scope !== 'account';
  switch (f.kind) {
    case 'not-allowed':
      return (
        (scope === 'account'
          ? `${f.account} follows ${who}, who is on no allowlist and has no exception`
          : scope === 'organization'
            ? `${who} is on no allowlist and no exception covers every account`
            : `${who} is on no allowlist`) + lookAlikeNote(f)
      );
    case 'category-not-allowed':
      return `${who} is listed as ${f.entry.name} in category "${f.entry.category}", which ${org ? 'not every account may follow' : `${f.account} may not follow`}`;
    case 'exception-expired':
      return `The exception letting ${f.account} follow ${who} ended on ${f.expires}`;
    case 'endorsement-lapsed':
      return `${f.entry.name}'s endorsement ended on ${f.expires}`;
    case 'endorsement-retracted':
      return `${f.entry.name}'s endorsement was retracted on ${f.since}`;
    case 'endorsement-expiring':
      return `${f.entry.name}'s endorsement ends on ${f.expires} (${inDays(today, f.expires)})`;
    case 'exception-expiring':
      return `The exception letting ${f.account} follow ${who} ends on ${f.expires} (${inDays(today, f.expires)})`;
    case 'handle-changed':
      return `${f.entry.name} is now ${who}: update the handle in ${f.entry.file}`;
    case 'name-only-match':
      return `${who} matches ${f.entry.name} (${f.entry.category}) by display name only: confirm it is the same account`;
    case 'exception-unused':
      return f.account === '*'
        ? `None of our accounts follows ${f.exception.follows}: remove the exception`
        : `${f.account} no longer follows ${f.exception.follows}: remove the exception`;
    case 'unidentified':
      return `${org ? `${who} is` : `${f.account} follows ${who}, who is`} known only by id, and allowlist entries or exceptions written without an id may be this account: run \`follow-audit resolve\`, add the id to the entry it is, or look it up at ${lookUpLink(f)}`;
  }
}

/** For a follow that only looks like an allowlisted account: which one, and that it is not it. */
function lookAlikeNote(f: FindingDraft): string {
  const like = lookAlikeOf(f);
  if (!like) return '';
  const handle = `@${visibleHandle(f.platform, like.handle, true)}`;
  return `; its handle only looks like ${handle} (${like.entry}, ${like.file}:${like.line}): it is another account`;
}

/** Where a person sees who an id is: the source's link, else the profile page built from the id. */
function lookUpLink(f: FindingDraft): string {
  return httpUrl(f.target.url) ?? httpUrl(profileUrl(f.platform, f.target)) ?? `its ${f.platform} id`;
}

function inDays(today: string, last: string): string {
  const left = daysBetween(today, last);
  return left === 0 ? 'today is its last day' : `in ${plural(left, 'day')}`;
}
