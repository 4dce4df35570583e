import { access, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { PLATFORMS } from '../model.js';
import { toolPackageFiles } from './init-package.js';
import { writeRunbook } from './runbook.js';
import { jsonSchema, SCHEMAS, type SchemaName, schemaFileName } from './schema.js';

export interface InitOptions {
  organization: string;
  contact: string;
  force: boolean;
  /** How the folder's package.json gets follow-audit (init-package.ts); default: this version. */
  tool?: string;
  /** Extra files to write, e.g. an allowlist draft seeded from an export. */
  extra?: Record<string, string>;
}

/** Starts an audit folder: a commented policy, one allowlist per sample category, editor schemas. */
export async function init(dir: string, options: InitOptions): Promise<string[]> {
  const files: Record<string, string | Uint8Array> = {
    'policy/policy.yaml': policyTemplate(options),
    'allowlists/dsa.yaml': DSA_TEMPLATE,
    'allowlists/coalition.yaml': COALITION_TEMPLATE,
    'allowlists/endorsed.yaml': ENDORSED_TEMPLATE,
    '.gitignore': GITIGNORE,
    ...(await toolPackageFiles(options.organization, options.tool)),
    ...Object.fromEntries(
      (Object.keys(SCHEMAS) as SchemaName[]).map((n) => [
        `schemas/${schemaFileName(n)}`,
        `${JSON.stringify(jsonSchema(n), null, 2)}\n`,
      ]),
    ),
    ...options.extra,
  };
  if (!options.force) {
    for (const file of Object.keys(files)) {
      if (await exists(join(dir, file))) {
        throw new UsageError(
          `${join(dir, file)} already exists: nothing was written (use --force to overwrite)`,
        );
      }
    }
  }
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  const guide = await writeRunbook(dir);
  return guide ? [...Object.keys(files), guide] : Object.keys(files);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

// .follow-audit/ is the audit trail and is committed; raw downloads hold private messages, .env tokens.
const GITIGNORE = `# Raw platform downloads hold private messages: import them, then delete them.
exports/
# Tokens live here or in CI secrets, never in the repository.
.env
# Half-written files of an interrupted run. Everything else under .follow-audit/ is kept in git.
*.tmp
# What npm ci installs from package.json and package-lock.json (those two are kept).
node_modules/
`;

const quote = (s: string) => JSON.stringify(s);

function policyTemplate(o: InitOptions): string {
  return `# yaml-language-server: $schema=../schemas/policy.schema.json
# The accounts follow-audit checks, and the rules they follow. Check it with: follow-audit validate

organization: ${quote(o.organization)}
contact: ${quote(o.contact)}           # where members send questionable-follow reports
timezone: UTC                          # dates are judged in this zone (an IANA name, e.g. America/Chicago)
warn_days: 30                          # warn this many days before an endorsement or exception ends
max_age_days: 45                       # a following list older than this is stale: get a new one
allow: [dsa, coalition, endorsed]      # categories every account may follow (the allowlists/*.yaml files)

accounts:
  # One entry per official account. source: is "api" (live, where the platform has one)
  # or the path of the platform's data-export file, a CSV, or a snapshot.
  - name: chapter-instagram            # a short unique name, used in reports and --account
    platform: instagram                # ${PLATFORMS.join(', ')}
    handle: yourchapter
    source: exports/instagram/following.json
  # - name: chapter-bluesky
  #   platform: bluesky
  #   handle: yourchapter.bsky.social
  #   source: api                      # Bluesky's public API needs no token
  # - name: labor-circle-x             # a sanctioned separate account with its own policy
  #   platform: x
  #   handle: YourLaborCircle
  #   allow: [dsa, coalition, labor-partners]
  #   note: Sanctioned by the general meeting of 2026-01-15

exceptions: []
  # A temporary exception: one account may follow one account outside the allowlists.
  # - account: chapter-instagram       # an account name from above, or "*"
  #   follows: instagram:somereporter  # platform:handle, platform:id:<id>, or a profile URL
  #   reason: Exchanging direct messages about a press inquiry
  #   approved_by: Communications Committee
  #   decided: 2026-10-02
  #   expires: 2026-12-01              # last day it covers
`;
}

const header = (
  category: string,
  description: string,
) => `# yaml-language-server: $schema=../schemas/allowlist.schema.json
category: ${category}
description: ${description}
entries:
`;

const DSA_TEMPLATE = `${header('dsa', 'Chapters, campaigns and bodies of the organization')}  - name: Example Neighbor Chapter
    accounts:                          # per platform: handle, @handle, profile URL, or { handle, id, name, url }
      instagram: exampleneighbordsa
      bluesky: exampleneighbordsa.bsky.social
    decided: 2026-01-15
    decision: Steering committee, minutes at https://example.org/minutes/2026-01
`;

const COALITION_TEMPLATE = `${header('coalition', 'Coalition and partner organizations')}  - name: Example Tenants Union
    accounts:
      instagram: https://www.instagram.com/exampletenants/
    decided: 2026-02-01
    decision: General meeting vote
`;

const ENDORSED_TEMPLATE = `${header('endorsed', 'Candidates and officials endorsed by the chapter or nationally')}  - name: Example Candidate
    accounts:
      instagram: examplecandidate
    endorsement:                       # makes the entry lapse: after expires, or once retracted
      level: local                     # local | national
      office: City Council District 1
      endorsed: 2026-03-01
      expires: 2026-11-03              # last day the endorsement covers (the end of the cycle)
      # retracted: { date: 2026-07-01, reason: Why the endorsement was withdrawn }
    decided: 2026-03-01
    decision: General meeting vote, minutes at https://example.org/minutes/2026-03
`;
