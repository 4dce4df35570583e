import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { table } from '../../src/report/table.js';
import { hyperlinksWanted } from '../../src/util/color.js';
import { findingOf } from '../helpers/findings.js';
import { hostileReport } from '../helpers/hostile-report.js';

const OSC8 = (url: string, text: string) => `\u001b]8;;${url}\u001b\\${text}\u001b]8;;\u001b\\`;

/** The hostile report's frame, with two plain findings: one by handle, one known only by its X id. */
function report(): Report {
  const base = hostileReport();
  const findings = [
    findingOf(
      'not-allowed',
      {
        account: 'chapter-x',
        platform: 'x',
        target: { id: null, handle: 'ExamplePundit', name: null, url: null },
      },
      'chapter-x follows @ExamplePundit, who is on no allowlist and has no exception',
    ),
    findingOf(
      'not-allowed',
      {
        account: 'chapter-x',
        platform: 'x',
        target: { id: '1000000022', handle: null, name: null, url: null },
      },
      'chapter-x follows id 1000000022, who is on no allowlist and has no exception',
    ),
  ];
  return { ...base, organization: 'Example City DSA', findings, changes: undefined, notes: [] };
}

describe('the table links each finding to its profile', () => {
  it('writes the plain URL under the finding when the terminal shows no hyperlinks', () => {
    const text = table(report(), { color: false, width: 80 });
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('@ExamplePundit on X'));
    expect(lines.slice(at, at + 4)).toContain('    https://x.com/ExamplePundit');
    const byId = lines.findIndex((l) => l.includes('id 1000000022 on X'));
    expect(lines.slice(byId, byId + 4)).toContain('    https://x.com/i/user/1000000022');
    expect(text).not.toMatch(/\u001b/);
  });

  it('makes the account itself the link where the terminal shows hyperlinks', () => {
    const text = table(report(), { color: true, width: 80, links: true });
    expect(text).toContain(`${OSC8('https://x.com/ExamplePundit', '@ExamplePundit')} on X from chapter-x`);
    expect(text).toContain(`${OSC8('https://x.com/i/user/1000000022', 'id 1000000022')} on X from chapter-x`);
    expect(text).not.toMatch(/^ {4}https:/m);
  });

  it('lets no remote string into a hyperlink or out of one', () => {
    const text = table(hostileReport(), { color: true, width: 80, links: true });
    const links = [...text.matchAll(/\u001b\]8;;([^\u001b\u0007]*)\u001b\\/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    // Each link opens with a percent-encoded http(s) URL and is closed by an empty one.
    for (const url of links) expect(url).toMatch(/^(https?:\/\/[A-Za-z0-9\-._~:/?#@&+,;=%]+)?$/);
    expect(links.filter((u) => u === '').length * 2).toBe(links.length);
    expect(text).not.toContain('javascript');
    const rest = text.replace(/\u001b\]8;;[^\u001b\u0007]*\u001b\\/g, '').replace(/\u001b\[[0-9;]*m/g, '');
    expect(rest).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
  });
});

describe('hyperlinksWanted', () => {
  const tty = { TERM_PROGRAM: 'iTerm.app' };
  it.each([
    ['a terminal known to show them', true, true, tty, true],
    ['colour off (NO_COLOR, --no-color, -o file)', false, true, tty, false],
    ['output that is not a terminal', true, false, tty, false],
    ['CI logs', true, true, { ...tty, CI: 'true' }, false],
    ['an unknown terminal', true, true, { TERM: 'xterm-256color' }, false],
    ['VTE 0.50 and later', true, true, { VTE_VERSION: '5000' }, true],
    ['FORCE_HYPERLINK=1', true, false, { FORCE_HYPERLINK: '1' }, true],
    ['FORCE_HYPERLINK=0', true, true, { ...tty, FORCE_HYPERLINK: '0' }, false],
    ['FORCE_HYPERLINK=1 with colour off', false, true, { FORCE_HYPERLINK: '1' }, false],
  ])('%s', (_, color, isTty, env, expected) => {
    expect(hyperlinksWanted(color, isTty, env)).toBe(expected);
  });
});
