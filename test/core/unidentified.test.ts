// Follows a source names by id alone (an X archive, a Bluesky repo.car) on a machine whose
// identity cache is empty (a fresh clone, a CI runner): the audit cannot tell who they are.
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { plan } from '../../src/commands/plan.js';
import { exitCodeFor } from '../../src/core/exit-code.js';
import type { Report } from '../../src/core/report.js';
import { reporters } from '../../src/report/registry.js';
import { actions } from '../../src/report/sections.js';
import { xArchive } from '../helpers/downloads.js';
import { writeTree } from '../helpers/tree.js';

const exception = (follows: string) => `exceptions:
  - account: chapter-x
    follows: "${follows}"
    reason: Exchanging direct messages about a press inquiry
    approved_by: Communications Committee
    expires: 2027-01-31
`;

const allowlist = (lakeside: string) => `category: dsa
entries:
  - name: Lakeside DSA
    accounts:
      x: ${lakeside}
`;

/** An audit folder whose X account's list is a real-format archive of ids only. */
async function folder(o: { lakeside: string; follows: string }) {
  return writeTree({
    'policy/policy.yaml': `organization: Example City DSA
contact: communications@example.org
accounts:
  - { name: chapter-x, platform: x, handle: ExampleCityDSA, source: exports/twitter-example.zip }
${exception(o.follows)}`,
    'allowlists/dsa.yaml': allowlist(o.lakeside),
    'exports/twitter-example.zip': xArchive({
      username: 'ExampleCityDSA',
      accountId: '1000000009',
      following: ['1000000001', '1000000020'],
      generated: '2026-11-20T10:00:00.000Z',
    }),
  });
}

const auditIn = (dir: string): Promise<Report> => audit({ config: dir, asOf: '2026-11-21', offline: true });
const kinds = (r: Report) => r.findings.map((f) => `${f.kind} ${f.target.handle ?? f.target.id}`).sort();

describe('follows known only by id', () => {
  it('are unidentified while entries and exceptions are written by handle', async () => {
    const dir = await folder({ lakeside: 'ExampleLakesideDSA', follows: 'x:ExampleMetroReporter' });
    const report = await auditIn(dir);
    expect(kinds(report)).toEqual(['unidentified 1000000001', 'unidentified 1000000020']);
    const f = report.findings[0]!;
    expect(f.class).toBe('unknown');
    expect(f.message).toContain('follow-audit resolve');
    // The archive's own link to the profile, where a person sees who it is.
    expect(f.message).toContain('look it up at https://twitter.com/intent/user?user_id=1000000001');
    // The exception may well be one of these follows: it is not called unused.
    expect(report.findings.some((g) => g.kind === 'exception-unused')).toBe(false);
    expect(report.summary).toMatchObject({ unknown: 2, violation: 0, allowed: 0 });
    // Never a pass, whatever --fail-on says, and never a follow to end.
    expect(exitCodeFor(report, 'never')).toBe(3);
    expect(exitCodeFor(report, 'violation')).toBe(3);
    expect(actions(report)).toEqual([]);
  });

  it('are on no allowlist once every entry and exception has an id', async () => {
    const dir = await folder({
      lakeside: '{ handle: ExampleLakesideDSA, id: "1000000001" }',
      follows: 'x:id:1000000030',
    });
    const report = await auditIn(dir);
    expect(kinds(report)).toEqual(['exception-unused 1000000030', 'not-allowed 1000000020']);
    expect(report.summary.unknown).toBe(0);
    expect(exitCodeFor(report, 'violation')).toBe(1);
  });

  it('an exception written by id is called unused as before', async () => {
    const dir = await folder({ lakeside: 'ExampleLakesideDSA', follows: 'x:id:1000000030' });
    const report = await auditIn(dir);
    expect(kinds(report)).toContain('exception-unused 1000000030');
  });

  it('is matched by id where the entry has one, and the rest stay unidentified', async () => {
    const dir = await writeTree({
      'policy/policy.yaml': `organization: Example City DSA
accounts:
  - { name: chapter-x, platform: x, handle: ExampleCityDSA, source: lists/x.csv }
`,
      'allowlists/dsa.yaml': `category: dsa
entries:
  - name: Lakeside DSA
    accounts: { x: { handle: ExampleLakesideDSA, id: "1000000001" } }
  - name: Riverside DSA
    accounts: { x: ExampleRiversideDSA }
`,
      'lists/x.csv': 'id\n1000000001\n1000000020\n',
    });
    const report = await auditIn(dir);
    expect(kinds(report)).toEqual(['unidentified 1000000020']);
    expect(report.summary.allowed).toBe(1);
  });

  it('are placed by every format away from the follows to end', async () => {
    const dir = await folder({ lakeside: 'ExampleLakesideDSA', follows: 'x:ExampleMetroReporter' });
    const report = await auditIn(dir);
    const options = { color: false, width: 100 };
    const table = reporters.table(report, options);
    expect(table).toContain('Act now: unfollow (0)');
    expect(table).toContain('Follows known only by id: find out who they are');
    expect(table).toContain('INCOMPLETE: 2 follows not identified');
    const markdown = reporters.markdown(report, options);
    expect(markdown).toContain('## Action checklist (0)');
    expect(markdown).toMatch(
      /### Follows known only by id[^\n]*\n\nTo record the decision: run `follow-audit resolve --write`/,
    );
    expect(markdown.match(/- \[ \] [^\n]*known only by id/g)).toHaveLength(2);
    const junit = reporters.junit(report, options);
    expect(junit).toContain('<error type="unidentified"');
    expect(junit).not.toContain('<failure');
    const github = reporters.github(report, options);
    expect(github).toMatch(/^::error [^\n]*title=Not identified%3A chapter-x → id 1000000020/m);
    expect(JSON.parse(reporters.json(report, options)).summary.unknown).toBe(2);
  });

  it('are not in the plan’s unfollow list, but among what to settle', async () => {
    const dir = await folder({ lakeside: 'ExampleLakesideDSA', follows: 'x:ExampleMetroReporter' });
    await auditIn(dir);
    const p = await plan({ config: dir, asOf: '2026-11-22', env: {} });
    expect(p.unfollow).toEqual([]);
    expect(p.decisions.map((d) => d.kind)).toEqual(['unidentified', 'unidentified']);
  });
});
