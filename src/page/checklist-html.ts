// The members' page: one self-contained HTML file. Its data travels as JSON in a non-executed
// <script type="application/json"> block and is rendered by the inline script with textContent;
// a Content-Security-Policy allows that one script and that one style, and nothing else.
import { createHash } from 'node:crypto';
import type { Style } from '../report/check-style.js';
import { blankChecklist, blankMailto, type ChecklistInfo, policyWords } from '../report/checklist.js';
import { escapeHtml } from '../util/text.js';
import { PAGE_CSS } from './checklist-css.js';
import type { PageData } from './data.js';

const htmlStyle: Style = {
  title: (t) => t,
  esc: escapeHtml,
  strong: (t) => `<strong>${t}</strong>`,
  link: (label, url) => `<a href="${escapeHtml(url)}">${label}</a>`,
  heading: (t) => t,
  item: (t) => `<li>${t}</li>`,
  box: (t) => t,
};

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** JSON that cannot end its <script> element or open a comment: every "<" is escaped. */
export const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

export function checklistHtml(data: PageData, info: ChecklistInfo, script: string): string {
  const h = escapeHtml;
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)}`,
    `style-src ${sha256(PAGE_CSS)}`,
    "img-src 'none'",
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  const blank = blankMailto(info);
  const title = `${h(data.organization)}: whom our accounts may follow`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<header>
<h1>${title}</h1>
<p>From the allowlists and policy as of <time datetime="${h(data.asOf)}">${h(data.asOf)}</time>.${data.contact ? ` Questions and reports: <a href="mailto:${h(encodeURIComponent(data.contact).replace(/%40/g, '@'))}">${h(data.contact)}</a>.` : ''}</p>
</header>
<main>
<section aria-labelledby="search-heading">
<h2 id="search-heading">Look an account up</h2>
<form id="lookup" role="search" autocomplete="off">
<div class="field"><label for="q">Handle, name or profile link</label>
<input id="q" name="q" type="search" spellcheck="false" autocapitalize="off" required aria-describedby="q-help">
<p id="q-help" class="help">For example @someone, @someone@mastodon.example.org, a name from the lists below, or a profile link copied from the app</p></div>
<div class="field"><label for="platform">Platform</label>
<select id="platform" name="platform"><option value="any">Any platform</option></select></div>
<button type="submit">Look up</button>
</form>
<div id="answer" aria-live="polite"></div>
<noscript><p>The search needs JavaScript; the lists below and the checklist work without it.</p></noscript>
</section>
<section aria-labelledby="policy-heading">
<h2 id="policy-heading">The policy</h2>
<ul>${policyWords(info, htmlStyle).map(htmlStyle.item).join('\n')}</ul>
</section>
<section aria-labelledby="lists-heading">
<h2 id="lists-heading">The allowlists</h2>
<div id="lists"></div>
</section>
<section aria-labelledby="ended-heading">
<h2 id="ended-heading">Endorsements that have ended</h2>
<p class="help">Lapsed or retracted: our accounts should no longer follow these.</p>
<div id="ended"></div>
</section>
${data.includeAudit ? '<section aria-labelledby="audit-heading">\n<h2 id="audit-heading">The latest audit</h2>\n<ul id="findings"></ul>\n</section>' : ''}
<section aria-labelledby="checklist-heading">
<h2 id="checklist-heading">Report a follow without looking it up</h2>
<p>${blank ? `<a class="button" href="${h(blank)}">Write the email with a blank checklist</a>` : 'The policy names no contact address: ask the communications committee.'}</p>
<details><summary>The blank checklist</summary><pre>${blankChecklist(info, { ...htmlStyle, item: (t) => `- ${t}`, box: (t) => `[ ] ${t}`, strong: (t) => t }).join('\n')}</pre></details>
</section>
</main>
<script type="application/json" id="page-data">${scriptJson(data)}</script>
<script>${script}</script>
</body>
</html>
`;
}
