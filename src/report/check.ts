import type { CheckResult } from '../core/check.js';
import { targetLabel } from '../core/findings.js';
import { profiles } from '../platforms/profiles.js';
import {
  endorsementWords,
  mailto,
  markdownStyle,
  ruleFor,
  type Style,
  textStyle,
  verdictTitle,
} from './check-style.js';
import type { CheckFormat } from './formats.js';
import { HOW_TO_RECORD } from './record.js';
import { sharedFrom } from './shared-lists.js';

/** The object docs/commands.md documents for one account; an array when the member's words named several. */
/** One renderer per format of `check`: a format without one does not compile. */
export const checkReporters = {
  markdown: checksMarkdown,
  json: checkJson,
  text: checksText,
} satisfies Record<CheckFormat, (results: CheckResult[]) => string>;

export function checkJson(results: CheckResult[]): string {
  return `${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`;
}

/** One checklist per account found, each complete on its own (a member may send one of them). */
export function checksMarkdown(results: CheckResult[]): string {
  return results.map(checkMarkdown).join('\n---\n\n');
}

export function checksText(results: CheckResult[]): string {
  return results.map(checkText).join('\n');
}

/** A checklist a member pastes into an email to the communications committee. */
export function checkMarkdown(r: CheckResult): string {
  const lines = checkLines(r, markdownStyle);
  const s = markdownStyle;
  lines.push('', s.heading('Send it'), '');
  if (r.contacts.length) {
    lines.push(
      `Send this checklist to ${s.esc(r.contacts.join(' and '))}: ${s.link('write the email', checkMailto(r)!)}`,
    );
  } else {
    lines.push('The policy names no contact address: ask the communications committee where to send this.');
  }
  return `${lines.join('\n')}\n`;
}

/** The same checklist as a plain email body: what the mailto: links carry. */
export function checkText(r: CheckResult): string {
  return `${checkLines(r, textStyle).join('\n')}\n`;
}

export function checkSubject(r: CheckResult): string {
  return `Questionable follow: ${targetLabel(r.target, r.platform)} on ${profiles[r.platform].label}`;
}

/** Each answer in one line, for the terminal when the checklist went to a file. */
export function checksVerdicts(results: CheckResult[]): string {
  return results
    .map(
      (r) =>
        `${targetLabel(r.target, r.platform)} on ${profiles[r.platform].label}: ${verdictTitle(r.verdict)}`,
    )
    .join('; ');
}

export function checkMailto(r: CheckResult): string | null {
  return r.contacts.length ? mailto(r.contacts, checkSubject(r), checkText(r)) : null;
}

function checkLines(r: CheckResult, s: Style): string[] {
  const label = profiles[r.platform].label;
  const who = s.esc(targetLabel(r.target, r.platform));
  const out = [
    s.title(s.esc(checkSubject(r))),
    '',
    s.item(
      `Account: ${r.target.url ? s.link(who, r.target.url) : who}${r.target.id ? ` (id ${s.esc(r.target.id)})` : ''}`,
    ),
    s.item(`Checked against ${s.esc(r.organization)}'s allowlists as of ${r.asOf}`),
    s.item(`Verdict: ${s.strong(verdictTitle(r.verdict))}. ${s.esc(r.message)}.`),
    s.item(`Policy rule: ${ruleFor(r.verdict)}`),
    ...(r.verdict === 'allowed'
      ? []
      : [s.item(`How the committee records its decision: ${HOW_TO_RECORD[r.verdict]}`)]),
    '',
    s.heading('Which of our accounts follow it'),
    '',
  ];
  if (r.accounts.length === 0) out.push(s.item(`None of our audited accounts is on ${label}.`));
  else if (r.followedBy.length === 0) {
    // Only a complete list says whether an account follows; the others are unchecked boxes below.
    const known = r.accounts.filter((a) => a.follows !== null).length;
    const organizationWide = 'the verdict above is the one for the whole organization.';
    out.push(
      s.item(
        known === r.accounts.length
          ? `None of our accounts follows it, as far as their latest lists show: ${organizationWide}`
          : known > 0
            ? `None of our accounts whose list is known follows it (the others are left to tick below): ${organizationWide}`
            : `This page does not carry our accounts' lists: ${organizationWide}`,
      ),
    );
  }
  for (const a of r.accounts) out.push((a.list ? s.item : s.box)(accountLine(a, s)));
  out.push('', s.heading('Categories: tick the one you believe applies, if any'), '');
  for (const c of r.categories) {
    const entries = r.matches.filter((m) => m.category === c.name);
    const where = c.allowed ? '' : ` (${allowedBy(r, c.name)})`;
    const what = c.description ? `: ${s.esc(c.description)}` : '';
    const held = entries.length
      ? entries.map((m) => `Already on this allowlist as ${matchWords(m, s)}`).join(' ')
      : 'Not on this allowlist.';
    out.push(s.box(`${s.strong(s.esc(c.name))}${s.esc(where)}${what}. ${held}`));
  }
  out.push(s.box('None of these.'));
  out.push('', s.heading('Exceptions'), '');
  if (!r.exceptionsKnown)
    out.push(s.item('Temporary exceptions are not published here: the committee knows whether one applies.'));
  else if (r.exceptions.length === 0) out.push(s.item('No temporary exception covers this account.'));
  for (const e of r.exceptions) {
    const whom = e.account === '*' ? 'every account' : e.account;
    out.push(
      s.item(
        `For ${s.esc(whom)} until ${e.expires}: ${s.esc(e.reason)} (approved by ${s.esc(e.approvedBy)}${e.decided ? ` on ${e.decided}` : ''}; ${s.esc(e.file)} line ${e.line})`,
      ),
    );
  }
  out.push('', s.heading('What only you know'), '');
  out.push(s.box('Why I think this follow breaks the policy:'));
  out.push(s.box('Links that show it (posts, statements, news):'));
  out.push(s.box('Where and when I saw the follow:'));
  out.push(s.box('My name and how to reach me:'));
  return out;
}

function unknownLine(a: CheckResult['accounts'][number], s: Style): string {
  return `${s.strong(s.esc(a.name))} follows it (tick if you saw it; its list is not published here). Verdict for it: ${verdictTitle(a.verdict)}`;
}

function accountLine(a: CheckResult['accounts'][number], s: Style): string {
  if (!a.list) return unknownLine(a, s);
  const follows =
    a.follows === null
      ? 'may or may not follow it (its list is incomplete)'
      : a.follows
        ? 'follows it'
        : 'does not follow it';
  const day = a.list.listDate ?? a.list.fetchedAt?.slice(0, 10);
  const when = day ? `as of ${day}` : 'date not recorded';
  return `${s.strong(s.esc(a.name))} ${follows} (list: ${s.esc(a.list.source)}, ${when}). Verdict for it: ${verdictTitle(a.verdict)}`;
}

function matchWords(m: CheckResult['matches'][number], s: Style): string {
  const decided = [m.decided ? `decided ${m.decided}` : '', m.decision ? s.esc(m.decision) : '']
    .filter(Boolean)
    .join(': ');
  const parts = [
    `${s.strong(s.esc(m.name))} (${s.esc(m.file)} line ${m.line}${s.esc(sharedFrom(m))})`,
    decided || 'no decision recorded',
    ...(m.endorsement ? [s.esc(endorsementWords(m.endorsement))] : []),
  ];
  return `${parts.join('; ')}.`;
}

function allowedBy(r: CheckResult, category: string): string {
  const names = r.accounts.filter((a) => a.allow.includes(category)).map((a) => a.name);
  return names.length ? `only ${names.join(', ')} may follow it` : 'none of these accounts may follow it';
}
