/// <reference lib="dom" />
// The members' page: runs in the browser, from one file, with no network. Everything shown is
// built with textContent and attributes, never parsed as HTML; nothing typed leaves the page
// except in the email the member chooses to send.
import type { CheckResult } from '../core/check.js';
import { Judge } from '../core/evaluate.js';
import { FINDING_KINDS, targetLabel } from '../core/findings.js';
import type { Platform } from '../model.js';
import { profiles } from '../platforms/profiles.js';
import { checkMailto, checkText } from '../report/check.js';
import { endorsementWords, verdictTitle } from '../report/check-style.js';
import { checkConfigOf, type PageData } from './data.js';
import { lookUp } from './lookup.js';

type Child = Node | string | null | false;

function el(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c) node.append(c);
  return node;
}

/** Only http(s) links become links: a javascript: URL in an allowlist stays text. */
function link(label: string, url: string | null): Child {
  return url && /^https?:\/\//i.test(url) ? el('a', { href: url, rel: 'noopener noreferrer' }, label) : label;
}

/** Text with its http(s) links clickable (a decision's minutes link), everything else as text. */
function linked(text: string): Child[] {
  return text
    .split(/(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]])/i)
    .map((part, i) => (i % 2 ? link(part, part) : part));
}

/** Copies the checklist; where the browser refuses the clipboard (some file:// pages), selects it. */
function copyButton(text: string, pre: HTMLElement): HTMLElement {
  const button = el('button', { type: 'button', class: 'copy' }, 'Copy the email text');
  const done = (label: string) => {
    button.textContent = label;
  };
  button.addEventListener('click', () => {
    const select = () => {
      const range = document.createRange();
      range.selectNodeContents(pre);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      done(document.execCommand('copy') ? 'Copied' : 'Selected: copy it with Ctrl+C or ⌘C');
    };
    if (navigator.clipboard) navigator.clipboard.writeText(text).then(() => done('Copied'), select);
    else select();
  });
  return button;
}

const severity = (r: CheckResult) => (r.verdict === 'allowed' ? 'allowed' : FINDING_KINDS[r.verdict].class);

function resultView(_data: PageData, r: CheckResult): HTMLElement {
  const who = targetLabel(r.target, r.platform);
  const mail = checkMailto(r);
  const box = el(
    'article',
    { class: `result ${severity(r)}` },
    el('h3', {}, link(who, r.target.url), ` on ${profiles[r.platform].label}`),
    el('p', { class: 'verdict' }, el('strong', {}, verdictTitle(r.verdict)), `: ${r.message}.`),
  );
  const facts = el('ul');
  for (const m of r.matches) {
    const e = m.endorsement ? `; ${endorsementWords(m.endorsement)}` : '';
    const shared = m.sharedList ? ` (from the shared list at ${m.file}, line ${m.line})` : '';
    facts.append(
      el('li', {}, 'On the allowlist ', el('strong', {}, m.category), ` as ${m.name}${shared}${e}.`),
    );
  }
  for (const x of r.exceptions)
    facts.append(
      el(
        'li',
        {},
        `Exception for ${x.account === '*' ? 'every account' : x.account} until ${x.expires}: ${x.reason}.`,
      ),
    );
  for (const a of r.accounts.filter((a) => a.follows !== null))
    facts.append(
      el(
        'li',
        {},
        `${a.name} ${a.follows ? 'follows it' : 'does not follow it'} (${verdictTitle(a.verdict)}).`,
      ),
    );
  if (r.matches.length === 0) facts.append(el('li', {}, 'Not on any allowlist.'));
  if (!r.exceptionsKnown && r.verdict !== 'allowed')
    facts.append(
      el('li', {}, 'This page does not show temporary exceptions: the committee knows whether one applies.'),
    );
  box.append(facts);
  // An allowed follow is nothing to report: no button invites a member to send one.
  if (r.verdict === 'allowed') return box;
  const text = checkText(r);
  const pre = el('pre', {}, text);
  box.append(
    mail
      ? el('a', { class: 'button report', href: mail }, 'Report this follow by email')
      : el('p', {}, 'The policy names no contact address: ask the communications committee.'),
    r.contacts.length ? el('p', { class: 'help' }, `The email goes to ${r.contacts.join(' and ')}.`) : '',
    el('details', {}, el('summary', {}, 'The checklist the email carries'), copyButton(text, pre), pre),
  );
  return box;
}

function showAnswer(data: PageData, out: HTMLElement, typed: string, platform: Platform | 'any') {
  const answer = lookUp(data, typed, platform);
  out.replaceChildren(
    ...(answer.problem ? [el('p', { class: 'problem' }, answer.problem)] : []),
    ...answer.results.map((r) => resultView(data, r)),
  );
}

function entryItem(e: PageData['entries'][number], judge: Judge): HTMLElement {
  const li = el('li', {}, el('strong', {}, e.name), ' ');
  e.refs.forEach((r, i) => {
    li.append(
      i ? ', ' : '',
      link(`${profiles[r.platform].label} ${targetLabel(r, r.platform)}`, r.url) || '',
    );
  });
  if (e.sharedList) li.append(el('span', { class: 'state' }, ` (from the shared list at ${e.file})`));
  if (e.endorsement)
    li.append(
      el('span', { class: 'state' }, ` (${endorsementWords({ ...e.endorsement, ...judge.state(e) })})`),
    );
  if (e.decided || e.decision)
    li.append(
      el(
        'div',
        { class: 'decision' },
        ...linked(['Decided', e.decided, e.decision].filter(Boolean).join(' ')),
      ),
    );
  return li;
}

/** The allowlists, by category; entries whose endorsement ended are listed apart (`ended`). */
function listsView(data: PageData): { lists: HTMLElement[]; ended: HTMLElement[] } {
  // Endorsement states as of the page's date, through the same judge as every answer.
  const judge = new Judge(checkConfigOf(data), data.asOf);
  const lists = data.categories.map((c) => {
    const entries = data.entries.filter((e) => e.category === c.name && judge.holds(e));
    return el(
      'details',
      { class: 'category' },
      el(
        'summary',
        {},
        el('strong', {}, c.name),
        ` (${entries.length})`,
        c.description ? `: ${c.description}` : '',
      ),
      el('ul', {}, ...entries.map((e) => entryItem(e, judge))),
    );
  });
  const ended = data.entries.filter((e) => !judge.holds(e)).map((e) => entryItem(e, judge));
  return { lists, ended };
}

function main() {
  const data = JSON.parse(document.getElementById('page-data')!.textContent!) as PageData;
  const form = document.getElementById('lookup') as HTMLFormElement;
  const input = document.getElementById('q') as HTMLInputElement;
  const select = document.getElementById('platform') as HTMLSelectElement;
  const out = document.getElementById('answer')!;
  for (const p of Object.values(profiles)) select.append(el('option', { value: p.platform }, p.label));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    showAnswer(data, out, input.value, select.value as Platform | 'any');
  });
  const { lists, ended } = listsView(data);
  document.getElementById('lists')!.replaceChildren(...lists);
  document
    .getElementById('ended')!
    .replaceChildren(ended.length ? el('ul', {}, ...ended) : el('p', {}, 'None as of this page.'));
  const findings = document.getElementById('findings');
  if (findings)
    findings.replaceChildren(
      ...data.findings.map((f) => el('li', { class: f.class }, `${f.account}: ${f.message}`)),
    );
}

main();
