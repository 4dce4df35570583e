// The files `init` writes. Every value a real folder must replace is one of PLACEHOLDERS, so
// that `validate` can warn about those left in place; dates are the day of the init, so that no
// example has already ended when the volunteer first reads it.
import { PLACEHOLDERS } from '../config/placeholder-values.js';
import type { Day } from '../model.js';
import { addDays } from '../util/days.js';

export interface TemplateOptions {
  organization: string;
  contact: string;
  today: Day;
}

const quote = (s: string) => JSON.stringify(s);

export function policyTemplate(o: TemplateOptions): string {
  return `# yaml-language-server: $schema=../schemas/policy.schema.json
# The accounts follow-audit checks, and the rules they follow. Check it with: follow-audit validate

organization: ${quote(o.organization)}
contact: ${quote(o.contact)}           # where members send questionable-follow reports
timezone: UTC                          # dates are judged in this zone (an IANA name, e.g. America/Chicago)
warn_days: 30                          # warn this many days before an endorsement or exception ends
max_age_days: 45                       # a following list older than this is stale: get a new one
allow: [dsa, coalition, endorsed]      # categories every account may follow (the allowlists/*.yaml files)

accounts:
  # One entry per official account. source: is "api" (live, where the platform has one),
  # "import" (the lists "follow-audit import" keeps from each download), or the path of an
  # export file, a CSV, or a snapshot. "follow-audit init --from <download>" adds an account.
  - name: chapter-instagram            # a short unique name, used in reports and --account
    platform: instagram                # x, bluesky, mastodon, instagram, facebook, youtube, tiktok, twitch, threads
    handle: ${PLACEHOLDERS.handles[0]}                  # replace with the account's handle
    source: import
  # - name: chapter-bluesky
  #   platform: bluesky
  #   handle: ${PLACEHOLDERS.handles[1]}
  #   source: api                      # Bluesky's public API needs no token
  # - name: labor-circle-x             # a sanctioned separate account with its own policy
  #   platform: x
  #   handle: ${PLACEHOLDERS.handles[2]}
  #   allow: [dsa, coalition, labor-partners]
  #   contact: labor@example.org       # its team gets the members' reports about its follows
  #   note: Sanctioned by the general meeting of ${o.today}

# Temporary exceptions: one account may follow one account outside the allowlists.
# To add one, delete the # and the space after it at the start of each line below (keep the two spaces before "- account").
exceptions:
  # - account: chapter-instagram       # an account name from above, or "*"
  #   follows: ${PLACEHOLDERS.exceptionTarget}  # platform:handle, platform:id:<id>, or a profile URL
  #   reason: Exchanging direct messages about a press inquiry
  #   approved_by: Communications Committee
  #   decided: ${o.today}
  #   expires: ${addDays(o.today, 60)}              # last day it covers
`;
}

const header = (
  category: string,
  description: string,
) => `# yaml-language-server: $schema=../schemas/allowlist.schema.json
# An example entry: replace it with the real ones ("follow-audit validate" warns while it is here).
category: ${category}
description: ${description}
entries:
`;

export function allowlistTemplates(today: Day): Record<string, string> {
  const [neighbor, tenants, candidate] = PLACEHOLDERS.entries;
  return {
    'allowlists/dsa.yaml': `${header('dsa', 'Chapters, campaigns and bodies of the organization')}  - name: ${neighbor}
    accounts:                          # per platform: handle, @handle, profile URL, or { handle, id, name, url }
      instagram: exampleneighbordsa
      bluesky: exampleneighbordsa.bsky.social
    decided: ${today}
    decision: Steering committee, minutes at https://example.org/minutes/${today.slice(0, 7)}
`,
    'allowlists/coalition.yaml': `${header('coalition', 'Coalition and partner organizations')}  - name: ${tenants}
    accounts:
      instagram: https://www.instagram.com/examplepartnerunion/
    decided: ${today}
    decision: General meeting vote
`,
    'allowlists/endorsed.yaml': `${header('endorsed', 'Candidates and officials endorsed by the chapter or nationally')}  - name: ${candidate}
    accounts:
      instagram: examplecandidate
    endorsement:                       # makes the entry lapse: after expires, or once retracted
      level: local                     # local or national
      office: City Council District 1
      endorsed: ${today}
      expires: ${addDays(today, 365)}              # last day the endorsement covers (the end of the cycle)
      # retracted: { date: ${today}, reason: Why the endorsement was withdrawn }
    decided: ${today}
    decision: General meeting vote, minutes at https://example.org/minutes/${today.slice(0, 7)}
`,
  };
}

// .follow-audit/ is the audit trail and is committed; raw downloads hold private messages, .env tokens.
export const GITIGNORE = `# Raw platform downloads hold private messages: import them, then delete them.
exports/
# Tokens live here or in CI secrets, never in the repository.
.env
# Half-written files of an interrupted run. Everything else under .follow-audit/ is kept in git.
*.tmp
# What npm ci installs from package.json and package-lock.json (those two are kept).
node_modules/
`;
