// The checklists exist as Markdown (to paste or publish) and as plain text (an email body, also
// the body of every mailto: link). Both are written once, through one of these two styles.
import type { CheckResult, Verdict } from '../core/check.js';
import { FINDING_KINDS } from '../core/findings.js';
import { escapeMarkdown, sanitizeLine } from '../util/text.js';

export interface Style {
  title(text: string): string;
  /** Untrusted text, made inert for this format. */
  esc(text: string): string;
  strong(text: string): string;
  link(label: string, url: string): string;
  heading(text: string): string;
  item(text: string): string;
  /** A box for the member to tick. */
  box(text: string): string;
}

export const markdownStyle: Style = {
  title: (t) => `# ${t}`,
  esc: escapeMarkdown,
  strong: (t) => `**${t}**`,
  // Only what would end the <destination>, and any letter that could pass for another: a mailto:
  // URL is already percent-encoded.
  link: (label, url) => `[${label}](<${url.replace(/[<>\s\\]|[^\x00-\x7f]/gu, encodeURIComponent)}>)`,
  heading: (t) => `## ${t}`,
  item: (t) => `- ${t}`,
  box: (t) => `- [ ] ${t}`,
};

export const textStyle: Style = {
  title: (t) => t,
  esc: sanitizeLine,
  strong: (t) => t,
  link: (label, url) => `${label} <${sanitizeLine(url).replace(/[^\x00-\x7f]/gu, encodeURIComponent)}>`,
  heading: (t) => `${t.toUpperCase()}`,
  item: (t) => `- ${t}`,
  box: (t) => `[ ] ${t}`,
};

export function verdictTitle(v: Verdict): string {
  return v === 'allowed' ? 'Allowed' : FINDING_KINDS[v].title;
}

/** The policy rule a verdict rests on, in plain words. */
export function ruleFor(v: Verdict): string {
  switch (v) {
    case 'allowed':
      return 'Our accounts may follow the accounts on the allowlists the organization decided: endorsed candidates only while the endorsement holds.';
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
    case 'unidentified':
      return 'A follow is judged only once it is known who it is: an account known by id alone is matched once the allowlist entry it may be records that id.';
  }
}

type Endorsement = NonNullable<CheckResult['matches'][number]['endorsement']>;

/** An endorsement's dates and where it stands, e.g. "endorsed 2024-03-02; lapsed: ...". */
export function endorsementWords(e: Endorsement): string {
  const what = [e.level, e.office].filter(Boolean).join(', ');
  const start = `endorsed${what ? ` (${what})` : ''} ${e.endorsed ? `on ${e.endorsed}` : 'on an unrecorded date'}`;
  const retraction = e.retracted
    ? `retracted on ${e.retracted.date}${e.retracted.reason ? ` (${e.retracted.reason})` : ''}`
    : '';
  switch (e.state) {
    case 'retracted':
      return `${start}; ${retraction}: no longer holds`;
    case 'lapsed':
      return `${start}; covered until ${e.expires}: lapsed`;
    case 'expiring':
      return `${start}; holds until ${e.end}, ending soon${retraction ? `; ${retraction}` : ''}`;
    default:
      return `${start}; holds until ${e.end}${retraction ? `; ${retraction}` : ''}`;
  }
}

/** A mailto: URL; its subject and body are percent-encoded, so nothing in them breaks out. */
export function mailto(address: string | string[], subject: string, body: string): string {
  const to = [address].flat().map((a) => encodeURIComponent(a).replace(/%40/g, '@'));
  return `mailto:${to.join(',')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
