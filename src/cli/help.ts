import { wrap } from '../util/text.js';

// What `--help` shows after the options: each command's own examples, and its exit codes where
// they say more than "0 done, 2 a mistake". Kept apart from the option definitions so the whole
// help reads in one place; test/cli/help.test.ts holds every command to it.

interface Help {
  examples: [command: string, what?: string][];
  /** The exit codes, in plain words. */
  exits: string;
  /** A sentence or two more, where the command needs it. */
  more?: string;
}

const MISTAKE = '2 a usage or configuration error (nothing was done)';

export const HELP = {
  audit: {
    examples: [
      ['follow-audit audit', 'audit every account in this folder'],
      ['follow-audit audit --offline --as-of 2026-11-21', 'from files and saved lists only'],
      ['follow-audit audit --account chapter-x --format json -o report.json'],
      ['follow-audit audit --format table --format junit:junit.xml --fail-on violation'],
      ['follow-audit audit --since 2026-10-01', 'what changed since the audit of that day'],
    ],
    exits: `0 no finding at or above --fail-on, 1 findings at or above it, ${MISTAKE}, 3 some list could not be obtained completely or is stale, or some follows could not be identified (whatever --fail-on says)`,
  },
  validate: {
    examples: [
      ['follow-audit validate', 'every problem of every file, with file:line:col'],
      ['follow-audit validate --format github', 'annotations on the lines to fix, in a pull request'],
      ['follow-audit validate --format json -o problems.json'],
    ],
    exits: `0 no problems (warnings, such as template placeholders left in place, do not fail), 2 at least one problem: nothing can be audited until it is fixed`,
  },
  fetch: {
    examples: [
      ['follow-audit fetch', 'every account with source: api'],
      ['follow-audit fetch --platform bluesky', 'only the Bluesky accounts'],
      ['follow-audit fetch --max-cost 25', 'allow up to 25 USD of paid X API reads'],
    ],
    exits: `0 every list fetched completely and saved, ${MISTAKE}, 3 some list could not be fetched completely (the summary says which)`,
  },
  diff: {
    examples: [
      ['follow-audit diff', "each account's two newest snapshots"],
      ['follow-audit diff --from 2026-10-01', 'followed and unfollowed since that day'],
      ['follow-audit diff --account chapter-x --format json'],
    ],
    exits: `0 compared, ${MISTAKE}, 3 some account's changes may be partial: a snapshot is missing or incomplete`,
  },
  resolve: {
    examples: [
      ['follow-audit resolve', 'show the ids and handles found, change nothing'],
      ['follow-audit resolve --platform x --write', 'put the missing X ids into the allowlists'],
    ],
    exits: `0 every lookup answered, ${MISTAKE}, 3 some platform's lookups failed (no token, over --max-cost, the API down)`,
  },
  check: {
    examples: [
      ['follow-audit check x:SomeHandle', 'a checklist to paste into an email'],
      ['follow-audit check https://www.instagram.com/someone/', 'any profile or share link'],
      ['follow-audit check "Jane Example"', "an allowlist entry's name, on every platform"],
      ['follow-audit check @someone@mastodon.example --format json'],
    ],
    exits: `0 answered, whatever the verdict, ${MISTAKE}`,
    more: 'Reads the saved lists only: it never uses the network.',
  },
  checklist: {
    examples: [
      ['follow-audit checklist', 'a blank checklist and the allowlists, in Markdown'],
      ['follow-audit checklist --format html -o members.html', 'a page members open from disk'],
    ],
    exits: `0 written, ${MISTAKE}`,
    more: "Reads the saved lists only: it never uses the network. Entries' notes are never published.",
  },
  import: {
    examples: [
      ['follow-audit import ~/Downloads/twitter-2026-11-20-*.zip ~/Downloads/instagram-*.zip'],
      ['follow-audit import repo.car --account chapter-bluesky'],
    ],
    exits: '0 kept, 2 a file fits no account (or two), is not a download, or is damaged',
    more: 'Each list is kept as .follow-audit/snapshots/<account>/<date>.json; accounts with source: import in policy.yaml are audited from their newest one.',
  },
  plan: {
    examples: [
      ['follow-audit plan', "the checklist in Markdown (an issue's body)"],
      ['follow-audit plan --format table', 'the accounts at a glance'],
      ['follow-audit plan --format markdown:plan.md --format json:plan.json --until 2027-01-05'],
    ],
    exits: `0 planned, ${MISTAKE}`,
    more: 'Reads only this folder (never the network) and never prints a token, only whether it is set.',
  },
  update: {
    examples: [
      ['follow-audit update', 'what the shared lists hold now, against their pins'],
      ['follow-audit update --write', 'pin it: new copies in .follow-audit/shared/, new sha256 lines'],
      ['follow-audit update --format json', 'the same as data, for a scheduled job'],
    ],
    exits:
      '0 nothing changed, 1 something changed (with --write: and was pinned; commit it for review), 2 an include or a shared list is wrong, 3 a shared list could not be fetched',
    more: 'Audits never fetch a shared list: they read the pinned copy.',
  },
  init: {
    examples: [
      ['follow-audit init -C my-chapter --organization "Springfield DSA" --contact dsa@example.org'],
      ['follow-audit init -C my-chapter --from ~/Downloads/instagram-2026-11-20.zip'],
      ['follow-audit init --from ~/Downloads/twitter-2026-11-20.zip', 'add a second account to this folder'],
    ],
    exits: `0 written, ${MISTAKE}`,
    more: 'init never overwrites a file, and has no --force: it writes the missing files and keeps the others. In a folder that already has policy/policy.yaml it only adds the account of a --from download: a new draft allowlist of its follows, and the account in policy.yaml, every other line kept.',
  },
  schema: {
    examples: [
      ['follow-audit schema -o schemas.json', 'policy and allowlist, for editors'],
      ['follow-audit schema report', 'the JSON report'],
    ],
    exits: `0 written, ${MISTAKE}`,
  },
  completion: {
    examples: [
      ['eval "$(follow-audit completion bash)"', 'in ~/.bashrc'],
      ['follow-audit completion fish > ~/.config/fish/completions/follow-audit.fish'],
    ],
    exits: '0 written, 2 an unknown shell',
  },
} satisfies Record<string, Help>;

export type CommandName = keyof typeof HELP;

/** The text after a command's options. */
export function helpAfter(name: CommandName): string {
  const help: Help = HELP[name];
  const fits = help.examples.filter(([c, w]) => w && c.length + w.length <= 74);
  const width = Math.max(...fits.map(([c]) => c.length));
  const lines = help.examples.flatMap(([command, what]) =>
    !what
      ? [`  ${command}`]
      : fits.some(([c]) => c === command)
        ? [`  ${command.padEnd(width)}   ${what}`]
        : [`  ${command}`, `      ${what}`],
  );
  return [
    '',
    'Examples:',
    ...lines,
    ...(help.more ? ['', wrap(help.more, 80).join('\n')] : []),
    '',
    wrap(`Exit codes: ${help.exits}.`, 80).join('\n'),
  ].join('\n');
}

/** The overview after `follow-audit --help`: a few commands, and where to read more. */
export const ROOT_HELP = `
Examples:
  follow-audit init -C my-chapter          start an audit folder
  follow-audit validate                    check policy.yaml and the allowlists
  follow-audit audit                       audit every account in this folder
  follow-audit check x:SomeHandle          a checklist about one followed account
  follow-audit checklist --format html -o members.html   a page for members

Run "follow-audit <command> --help" for a command's options, examples and exit codes.`;
