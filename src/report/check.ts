import type { CheckResult, Verdict } from '../commands/check.js';
import { FINDING_KINDS, targetLabel } from '../core/findings.js';
import { adapters } from '../platforms/registry.js';
import { escapeMarkdown as md } from '../util/text.js';

export function verdictTitle(v: Verdict): string {
  return v === 'allowed' ? 'Allowed' : FINDING_KINDS[v].title;
}

/** The policy rule a verdict rests on, in plain words. */
export function ruleFor(v: Verdict): string {
  switch (v) {
    case 'allowed':
      return 'Our accounts may follow chapters and campaigns of the organization, coalition partners, and endorsed candidates while the endorsement holds.';
    case 'not-allowed':
    case 'name-only-match':
      return 'Our accounts follow only accounts on the allowlists the organization decided, or covered by an approved temporary exception.';
    case 'category-not-allowed':
      return 'Each account may follow only the categories its policy allows; sanctioned separate accounts have their own.';
    case 'endorsement-lapsed':
    case 'endorsement-retracted':
    case 'endorsement-expiring':
      return 'Candidates may be followed only while the endorsement holds: it lapses when retracted or when the election cycle it covered ends.';
    case 'exception-expired':
    case 'exception-expiring':
    case 'exception-unused':
      return 'A temporary exception lets one account follow one account outside the allowlists until its end date; then the follow must end.';
    case 'handle-changed':
      return 'Allowlist entries name accounts by handle; a changed handle must be updated so the entry stays traceable.';
  }
}

export function checkJson(result: CheckResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/** A checklist a member pastes into an email to the communications committee. */
export function checkMarkdown(r: CheckResult): string {
  const label = adapters[r.platform].label;
  const who = targetLabel(r.target);
  const out = [
    `# Questionable follow: ${md(who)} on ${label}`,
    '',
    `- Account: ${r.target.url ? `[${md(who)}](<${encodeURI(r.target.url)}>)` : md(who)}${r.target.id ? ` (id ${md(r.target.id)})` : ''}`,
    `- Checked against ${md(r.organization)}'s allowlists as of ${r.asOf}`,
    `- **Verdict: ${verdictTitle(r.verdict)}**: ${md(r.message)}`,
    `- Policy: ${ruleFor(r.verdict)}`,
    '',
    '## Which of our accounts follow it',
    '',
  ];
  if (r.accounts.length === 0) out.push(`No audited account is on ${label}.`);
  for (const a of r.accounts) {
    const follows =
      a.follows === null ? 'unknown (list incomplete)' : a.follows ? 'follows' : 'does not follow';
    const when = a.list.fetchedAt ? ` as of ${a.list.fetchedAt.slice(0, 10)}` : '';
    out.push(
      `- **${md(a.name)}** ${follows} (list: ${md(a.list.source)}${when}): ${verdictTitle(a.verdict)}`,
    );
  }
  out.push('', '## What the allowlists say', '');
  if (r.matches.length === 0) out.push('- Not on any allowlist.');
  for (const m of r.matches) {
    const e = m.endorsement;
    const dates = e
      ? `; endorsed ${e.endorsed ?? 'on an unrecorded date'}, covers until ${e.expires}${e.retracted ? `, retracted ${e.retracted.date}${e.retracted.reason ? ` (${md(e.retracted.reason)})` : ''}` : ''}`
      : '';
    const decided =
      m.decision || m.decided ? `; decided ${m.decided ?? ''} ${md(m.decision ?? '')}`.trimEnd() : '';
    out.push(
      `- ${md(m.name)}, category **${md(m.category)}** (${md(m.file)} line ${m.line})${dates}${decided}`,
    );
  }
  for (const e of r.exceptions) {
    out.push(
      `- Exception for ${md(e.account === '*' ? 'every account' : e.account)} until ${e.expires}: ${md(e.reason)} (approved by ${md(e.approvedBy)})`,
    );
  }
  out.push('', '## For the member to fill in', '');
  out.push('- [ ] Why I think this follow breaks the policy:');
  out.push('- [ ] Links (posts, statements, news) that show it:');
  out.push(
    `- [ ] Which category I believe applies, if any: ${r.categories.map((c) => md(c.name)).join(' / ') || 'none'} / none`,
  );
  out.push('- [ ] My name and how to reach me:');
  out.push('');
  if (r.contact) {
    const subject = encodeURIComponent(`Questionable follow: ${who} on ${label}`);
    const body = encodeURIComponent(
      `Please review ${who} on ${label}${r.target.url ? ` (${r.target.url})` : ''}.\nVerdict from the allowlists: ${verdictTitle(r.verdict)}.\n\nWhy: \nLinks: \nMy name: \n`,
    );
    out.push(
      `Send this to ${md(r.contact)}: [write the email](<mailto:${encodeURI(r.contact)}?subject=${subject}&body=${body}>)`,
    );
  } else {
    out.push('The policy names no contact address: ask the communications committee where to send this.');
  }
  return `${out.join('\n')}\n`;
}
