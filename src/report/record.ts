// How each kind of decision is written down where it is made, so the next audit knows it. The
// Markdown report, `check` and `plan` give the same instructions.
import type { FindingKind } from '../core/findings.js';

const RENEW =
  'to renew, the body that endorsed decides, then write the new `expires:` (and `endorsed:`, `decided:`, `decision:`) into the entry’s `endorsement:`; to let it end, change nothing and unfollow once it has ended';
const EXTEND =
  'to extend, whoever approved it decides, then write the new `expires:` and `decided:` into the exception in policy/policy.yaml; to end it, unfollow and delete the exception';

export const HOW_TO_RECORD: Record<FindingKind, string> = {
  'not-allowed':
    'unfollow; or, if the committee decides to allow it, add it to an allowlist with `decided:` and `decision:`',
  'category-not-allowed':
    'unfollow; or, if the committee decides this account may follow that category, add it to the account’s `allow:`',
  'exception-expired': EXTEND,
  'endorsement-lapsed': RENEW,
  'endorsement-retracted': 'unfollow; the retraction in the entry is the record',
  'endorsement-expiring': RENEW,
  'exception-expiring': EXTEND,
  'handle-changed': 'write the new handle into the entry (its id stays): the match is the same account',
  'name-only-match':
    'if a person has checked it is the same account, write `confirmed: YYYY-MM-DD` and `confirmed_by:` (who checked) into the entry’s account, e.g. `facebook: { name: "Riverside DSA", confirmed: 2026-11-12, confirmed_by: Comms Committee }`; if it is not, unfollow',
  'exception-unused': 'delete the exception from policy/policy.yaml',
  unidentified:
    'run `follow-audit resolve --write` to add the missing ids to the allowlist entries, or write the `id:` into the entry (or the exception’s `follows: platform:id:<id>`) after opening the profile link to see who it is; if it is on no allowlist, unfollow',
};
