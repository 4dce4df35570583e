import type { CheckConfig } from '../core/check.js';
import { profiles } from '../platforms/profiles.js';
import { mailto, markdownStyle, type Style, textStyle } from './check-style.js';

/** What the blank checklist and the members' page say about the organization. */
export interface ChecklistInfo extends Pick<CheckConfig, 'organization' | 'contact' | 'allow'> {
  asOf: string;
  timezone: string;
  accounts: {
    name: string;
    platform: CheckConfig['accounts'][number]['platform'];
    handle: string;
    allow: string[];
    contact: string | null;
    note: string | null;
  }[];
  categories: { name: string; description: string | null }[];
}

/** The policy in plain words, one rule per line. */
export function policyWords(info: ChecklistInfo, s: Style): string[] {
  const described = (name: string) => {
    const c = info.categories.find((x) => x.name === name);
    return `${s.strong(s.esc(name))}${c?.description ? ` (${s.esc(c.description)})` : ''}`;
  };
  const own = info.accounts.filter((a) => a.allow.join() !== info.allow.join() || a.contact);
  return [
    `Our accounts may follow only the accounts on ${s.esc(info.organization)}'s allowlists, in these categories: ${info.allow.map(described).join('; ')}.`,
    'Endorsed candidates and officials may be followed only while the endorsement holds: it lapses when it is retracted, or when the cycle it covered ends without a new endorsement.',
    'A committee may approve a temporary exception that lets one of our accounts follow one account outside the allowlists, for a stated reason, until an end date.',
    ...own.map(
      (a) =>
        `${s.esc(a.name)} (${profiles[a.platform].label} @${s.esc(a.handle)}) is a sanctioned separate account with its own policy: it may follow ${a.allow.map(described).join('; ')}.${a.note ? ` ${s.esc(a.note)}` : ''}${a.contact ? ` Reports about its follows go to its own team: ${s.esc(a.contact)}.` : ''}`,
    ),
    `Every allowlist entry records where and when the organization decided it. Dates are whole days in ${s.esc(info.timezone)}.`,
  ];
}

/** The blank checklist members fill in by hand; published next to the allowlists. */
export function blankChecklist(info: ChecklistInfo, s: Style): string[] {
  const out = [
    s.title(`Report a questionable follow to ${s.esc(info.organization)}`),
    '',
    `Allowlists as of ${info.asOf}. ${info.contact ? `Fill this in and send it to ${s.esc(info.contact)}.` : 'Fill this in and send it to the communications committee.'}`,
    '',
    s.heading('The policy'),
    '',
    ...policyWords(info, s).map(s.item),
    '',
    s.heading('The account'),
    '',
    s.box('Platform:'),
    s.box('Handle or profile link:'),
    '',
    s.heading('Which of our accounts follow it'),
    '',
    ...info.accounts.map((a) =>
      s.box(`${s.esc(a.name)} (${profiles[a.platform].label} @${s.esc(a.handle)})`),
    ),
    '',
    s.heading('Categories: tick the one you believe applies, if any'),
    '',
    ...info.categories.map((c) =>
      s.box(`${s.strong(s.esc(c.name))}${c.description ? `: ${s.esc(c.description)}` : ''}`),
    ),
    s.box('None of these.'),
    '',
    s.heading('What only you know'),
    '',
    s.box('Why I think this follow breaks the policy:'),
    s.box('Links that show it (posts, statements, news):'),
    s.box('Where and when I saw the follow:'),
    s.box('My name and how to reach me:'),
  ];
  return out;
}

export function blankMailto(info: ChecklistInfo): string | null {
  const subject = `Questionable follow (report to ${info.organization})`;
  return info.contact
    ? mailto(info.contact, subject, `${blankChecklist(info, textStyle).join('\n')}\n`)
    : null;
}

export function checklistMarkdown(info: ChecklistInfo): string {
  const s = markdownStyle;
  const out = blankChecklist(info, s);
  const link = blankMailto(info);
  out.push('', s.heading('Send it'), '');
  out.push(
    link
      ? `Send it to ${s.esc(info.contact!)}: ${s.link('write the email', link)}. To have it filled in from the allowlists, run \`follow-audit check <profile link>\`.`
      : 'The policy names no contact address: ask the communications committee where to send this.',
  );
  return `${out.join('\n')}\n`;
}
