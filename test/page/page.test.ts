// The members' page in a real headless browser (through playwright-core; which Chromium:
// test/helpers/browser.ts), opened from disk as a member would open it. Never skipped.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/browser.js';
import { ROOT, run } from '../helpers/cli.js';
import { MEMBERS_AS_OF, membersTree } from '../helpers/members.js';

const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const HOSTILE = `category: hostile
description: "<svg onload=\\"window.__pwned='svg'\\"></svg>"
entries:
  - name: "<img src=x onerror=\\"window.__pwned='img'\\">"
    accounts: { instagram: samplehostile }
    decision: "</script><script>window.__pwned='script'</script>"
`;

let browser: Browser;
let pagePath: string;
let auditPath: string;
let dir: string;

beforeAll(async () => {
  dir = await membersTree({ 'allowlists/hostile.yaml': HOSTILE });
  pagePath = join(dir, 'members.html');
  auditPath = join(dir, 'members-audit.html');
  for (const [path, extra] of [
    [pagePath, []],
    [auditPath, ['--include-audit']],
  ] as const) {
    const r = run([
      'checklist',
      '-C',
      dir,
      '--as-of',
      MEMBERS_AS_OF,
      '--format',
      'html',
      '-o',
      path,
      ...extra,
    ]);
    // -o says where the page went, in one line, and nothing else.
    expect(r.stderr).toBe(`Members' page written to ${path}. Open it, or send it to members.\n`);
    expect(r.code).toBe(0);
  }
  browser = await chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  problems: string[];
  requests: string[];
}

async function open(
  path: string,
  options: { colorScheme?: 'light' | 'dark'; width?: number } = {},
): Promise<Opened> {
  const page = await browser.newPage({
    viewport: { width: options.width ?? 390, height: 844 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(path).href);
  return { page, problems, requests };
}

async function lookUp(page: Page, text: string, platform = 'any') {
  await page.selectOption('#platform', platform);
  await page.fill('#q', text);
  await page.press('#q', 'Enter');
  return page.locator('#answer');
}

describe("the members' page", () => {
  it('answers handles and pasted profile links as the CLI does', async () => {
    const { page, problems } = await open(pagePath);
    const cases: [string, string, string][] = [
      ['https://x.com/LapsedSample', 'any', 'Endorsement lapsed'],
      ['twitter.com/RetractedSample', 'any', 'Endorsement retracted'],
      ['x:id:202', 'any', 'Endorsement ending soon'],
      ['@LaborSample', 'x', 'Category not allowed for this account'],
      ['SampleStranger', 'x', 'On no allowlist'],
      ['https://bsky.app/profile/did:plc:samplebranch', 'any', 'Allowed'],
      ['https://social.example.org/@SampleBranch', 'any', 'Allowed'],
      ['https://www.youtube.com/channel/UCsamplebranch0000000000', 'any', 'Allowed'],
    ];
    for (const [text, platform, verdict] of cases) {
      const answer = await lookUp(page, text, platform);
      await expect.poll(() => answer.locator('.verdict strong').first().textContent()).toBe(verdict);
    }
    // A bare handle on "any platform": every platform whose allowlist holds it.
    const many = await lookUp(page, '@samplebranch');
    await expect.poll(() => many.locator('article').count()).toBe(7);
    // The page publishes no exceptions, so it does not say that none covers every account.
    const stranger = await lookUp(page, 'SampleStranger', 'x');
    await expect
      .poll(() => stranger.locator('.verdict').first().textContent())
      .toContain('is on no allowlist');
    expect(await stranger.locator('.verdict').first().textContent()).not.toContain('no exception covers');
    const none = await lookUp(page, 'samplenobody');
    await expect
      .poll(() => none.locator('.problem').textContent())
      .toContain("is no allowlist entry's name and no handle");
    const bad = await lookUp(page, 'https://example.org/someone');
    await expect.poll(() => bad.locator('.problem').textContent()).toContain('cannot tell which platform');
    expect(problems).toEqual([]);
  });

  it('shows a look-alike handle with its code points and names the entry it only looks like', async () => {
    const { page, problems } = await open(pagePath);
    const answer = await lookUp(page, 's\u0430mplebranch', 'youtube');
    await expect.poll(() => answer.locator('.verdict strong').first().textContent()).toBe('On no allowlist');
    expect(await answer.locator('h3').first().textContent()).toBe('@s\\u0430mplebranch on YouTube');
    expect(await answer.locator('.verdict').first().textContent()).toContain(
      'its handle only looks like @samplebranch (Sample Branch, allowlists/',
    );
    expect(problems).toEqual([]);
  });

  it('the report button carries the same checklist as `check --format text`', async () => {
    const { page } = await open(auditPath);
    const answer = await lookUp(page, 'https://x.com/LapsedSample');
    const href = await answer.locator('a.report').getAttribute('href');
    const url = new URL(href!);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('reports@example.org');
    expect(url.searchParams.get('subject')).toBe('Questionable follow: @lapsedsample on X');
    const cli = run(['check', '-C', dir, '--as-of', MEMBERS_AS_OF, '--format', 'text', 'x:LapsedSample']);
    expect(url.searchParams.get('body')).toBe(cli.stdout);
    expect(cli.stdout).toContain('chapter-x follows it');
  });

  it('without --include-audit publishes no exception and no list', async () => {
    const { page } = await open(pagePath);
    const answer = await lookUp(page, 'x:id:902');
    await expect.poll(() => answer.textContent()).toContain('This page does not show temporary exceptions');
    const html = await page.content();
    expect(html).not.toContain('Sample direct messages');
    expect(html).not.toContain('SampleStranger');
    const body = new URL((await answer.locator('a.report').getAttribute('href'))!).searchParams.get('body')!;
    expect(body).toContain('[ ] chapter-x follows it (tick if you saw it');
  });

  it('hostile names in the allowlists stay text', async () => {
    const { page, requests } = await open(pagePath);
    await page.locator('summary', { hasText: 'hostile' }).click();
    const lists = page.locator('#lists');
    await expect.poll(() => lists.textContent()).toContain('<img src=x onerror=');
    await expect.poll(() => lists.textContent()).toContain('</script><script>');
    await expect.poll(() => lists.textContent()).toContain('<svg onload=');
    const answer = await lookUp(page, 'instagram:samplehostile');
    await expect.poll(() => answer.textContent()).toContain('<img src=x onerror=');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(requests.every((u) => u.startsWith('file:'))).toBe(true);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toMatch(/default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+'/);
  });

  it('works from the keyboard alone', async () => {
    const { page } = await open(pagePath);
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'q'; i++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('https://x.com/ExpiringSample');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('#answer .verdict').textContent())
      .toContain('Endorsement ending soon');
    await page.keyboard.press('Tab'); // the platform choice
    await page.keyboard.press('Tab'); // Look up
    await page.keyboard.press('Tab'); // the account's profile link
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Report this follow by email',
    );
    for (const label of ['Handle, name or profile link', 'Platform'])
      expect(await page.getByLabel(label).count()).toBe(1);
  });

  it('allowed answers offer no report button; the others can be copied', async () => {
    const { page, problems } = await open(pagePath);
    const allowed = await lookUp(page, 'x:SampleBranch');
    await expect.poll(() => allowed.locator('.verdict strong').first().textContent()).toBe('Allowed');
    expect(await allowed.locator('a.report').count()).toBe(0);
    expect(await allowed.locator('button.copy').count()).toBe(0);
    const lapsed = await lookUp(page, 'x:LapsedSample');
    await expect.poll(() => lapsed.locator('a.report').count()).toBe(1);
    await lapsed.locator('summary').click();
    await lapsed.locator('button.copy').click();
    await expect.poll(() => lapsed.locator('button.copy').textContent()).toMatch(/Copied|Selected/);
    expect(problems).toEqual([]);
  });

  it('looks names up, Facebook included, and lists ended endorsements apart', async () => {
    const { page } = await open(pagePath);
    const byName = await lookUp(page, 'Sample Branch', 'facebook');
    await expect.poll(() => byName.locator('article').count()).toBe(1);
    expect(await byName.locator('h3').textContent()).toContain('on Facebook');
    await page.locator('summary', { hasText: 'endorsed' }).click();
    const current = await page.locator('#lists').textContent();
    expect(current).toContain('Expiring Sample');
    expect(current).not.toContain('Lapsed Sample');
    expect(current).not.toContain('Retracted Sample');
    const ended = await page.locator('#ended').textContent();
    expect(ended).toContain('Lapsed Sample');
    expect(ended).toContain('Retracted Sample');
    const minutes = page.locator('#lists a[href="https://example.org/minutes/sample"]');
    await page.locator('summary', { hasText: 'dsa' }).click();
    expect(await minutes.count()).toBe(1);
  });

  it('writes screenshots for people to look at', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await open(auditPath, { colorScheme: scheme });
      await lookUp(page, 'https://x.com/LapsedSample');
      await page.locator('summary', { hasText: 'endorsed' }).click();
      const file = join(ARTIFACTS, `members-page-${scheme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`screenshot: ${file}`);
      expect(existsSync(file)).toBe(true);
    }
  });
});

describe('what the page publishes', () => {
  it("never an entry's note", async () => {
    const tmp = await membersTree({
      'allowlists/noted.yaml': `category: noted
entries:
  - name: Noted Sample
    accounts: { x: NotedSample }
    note: Private sample remark for the committee only
`,
    });
    for (const extra of [[], ['--include-audit']]) {
      const r = run(['checklist', '-C', tmp, '--as-of', MEMBERS_AS_OF, '--format', 'html', ...extra]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Noted Sample');
      expect(r.stdout).not.toContain('Private sample remark');
    }
  });
});

describe('the page script', () => {
  it('refuses to ship a module with a package or Node import', async () => {
    const { bundlePage } = await import('../../src/page/bundle.js');
    const { writeTree } = await import('../helpers/tree.js');
    const tmp = await writeTree({
      'entry.js': "import { helper } from './helper.js';\nhelper();\n",
      'helper.js': "import { readFile } from 'node:fs/promises';\nexport const helper = () => readFile;\n",
    });
    await expect(bundlePage(join(tmp, 'entry.js'))).rejects.toThrow(/imports "node:fs\/promises"/);
  });

  it('inlines the compiled parsing code itself, with nothing left to import', async () => {
    const { bundlePage } = await import('../../src/page/bundle.js');
    const script = await bundlePage();
    expect(script).toContain('m["platforms/profiles.js"]');
    expect(script).toContain('m["core/evaluate.js"]');
    expect(script).not.toMatch(/^\s*(import|export)\b/m);
    expect(script).not.toMatch(/<\/script/i);
  });
});

describe('checklist --format markdown', () => {
  it('is the blank checklist, with the policy and a mailto: link', async () => {
    const tmp = await membersTree();
    const r = run(['checklist', '-C', tmp, '--as-of', MEMBERS_AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# Report a questionable follow to Sample Org');
    expect(r.stdout).toContain('- [ ] chapter-x (X @samplechapter)');
    expect(r.stdout).toContain('- [ ] **labor**: Sample unions');
    expect(r.stdout).toMatch(/circle-x \(X @samplecircle\) is a sanctioned separate account/);
    expect(r.stdout).toMatch(/\[write the email\]\(<mailto:reports@example\.org\?subject=/);
  });
});
