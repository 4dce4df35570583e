import { describe, expect, it } from 'vitest';
import { auditScenario } from '../helpers/policy.js';

// One scenario per row: a followed account, the allowlists, and the one finding it must give.
const endorsed = (endorsement: string) => `category: endorsed
entries:
  - name: Jane Example
    accounts:
      x: JaneForCouncil
    endorsement:
${endorsement}
`;
const coalition = `category: coalition
entries:
  - name: Tenants Union
    accounts:
      x: { handle: OldTenantsHandle, id: "555" }
      facebook: { name: Example Tenants Union }
`;
const labor = `category: labor
entries:
  - name: Trades Council
    accounts:
      x: ExampleTrades
`;

interface Scenario {
  csv: string;
  allowlists?: Record<string, string>;
  policy?: string;
  platform?: string;
}
/** The one finding a scenario gives, in full: its line is the entry's, or the exception's that applies. */
type Row =
  | (Scenario & { kind: null })
  | (Scenario & { kind: string; message: string; since: string | null; line: number | null });

const cases: Record<string, Row> = {
  'not on any list': {
    kind: 'not-allowed',
    csv: 'handle\nSomeoneElse\n',
    message: 'acct follows @SomeoneElse, who is on no allowlist and has no exception',
    since: null,
    line: null,
  },
  'current endorsement': {
    kind: null,
    csv: 'handle\njaneforcouncil\n',
    allowlists: { 'e.yaml': endorsed('      expires: 2027-11-03') },
  },
  'endorsement lapsed the day after expires': {
    kind: 'endorsement-lapsed',
    csv: 'handle\n@JaneForCouncil\n',
    allowlists: { 'e.yaml': endorsed('      expires: 2026-11-03') },
    message: "Jane Example's endorsement ended on 2026-11-03",
    since: '2026-11-04',
    line: 3,
  },
  'expires today is still covered, and warned': {
    kind: 'endorsement-expiring',
    csv: 'handle\nJaneForCouncil\n',
    allowlists: { 'e.yaml': endorsed('      expires: 2026-11-21') },
    message: "Jane Example's endorsement ends on 2026-11-21 (today is its last day)",
    since: '2026-10-22',
    line: 3,
  },
  'retracted on its date': {
    kind: 'endorsement-retracted',
    csv: 'url\nhttps://twitter.com/JaneForCouncil\n',
    allowlists: {
      'e.yaml': endorsed('      expires: 2027-11-03\n      retracted: { date: 2026-11-21, reason: Vote }'),
    },
    message: "Jane Example's endorsement was retracted on 2026-11-21",
    since: '2026-11-21',
    line: 3,
  },
  'retraction in the future ends it early: expiring': {
    kind: 'endorsement-expiring',
    csv: 'handle\nJaneForCouncil\n',
    allowlists: { 'e.yaml': endorsed('      expires: 2027-11-03\n      retracted: 2026-12-01') },
    message: "Jane Example's endorsement ends on 2026-11-30 (in 9 days)",
    since: '2026-10-31',
    line: 3,
  },
  'expiring beyond warn_days is quiet': {
    kind: null,
    csv: 'handle\nJaneForCouncil\n',
    allowlists: { 'e.yaml': endorsed('      expires: 2026-12-22') },
  },
  'warn_days boundary is inclusive': {
    kind: 'endorsement-expiring',
    csv: 'handle\nJaneForCouncil\n',
    allowlists: { 'e.yaml': endorsed('      expires: 2026-12-21') },
    message: "Jane Example's endorsement ends on 2026-12-21 (in 30 days)",
    since: '2026-11-21',
    line: 3,
  },
  'category outside this account allow': {
    kind: 'category-not-allowed',
    csv: 'handle\nexampletrades\n',
    policy: 'allow: [coalition]',
    message: '@exampletrades is listed as Trades Council in category "labor", which acct may not follow',
    since: null,
    line: 3,
  },
  'matched by id with a new handle': {
    kind: 'handle-changed',
    csv: 'id,handle\n555,NewTenantsHandle\n',
    message: 'Tenants Union is now @NewTenantsHandle: update the handle in allowlists/c.yaml',
    since: null,
    line: 3,
  },
  'same handle, different id: someone else': {
    kind: 'not-allowed',
    csv: 'id,handle\n999,OldTenantsHandle\n',
    message: 'acct follows @OldTenantsHandle, who is on no allowlist and has no exception',
    since: null,
    line: null,
  },
  'id only matches the id': { kind: null, csv: 'id\n555\n' },
  'display name only': {
    kind: 'name-only-match',
    csv: 'name\nexample  TENANTS union\n',
    platform: 'facebook',
    message:
      '"example  TENANTS union" matches Tenants Union (coalition) by display name only: confirm it is the same account',
    since: null,
    line: 3,
  },
  'display name that matches nothing': {
    kind: 'not-allowed',
    csv: 'name\nSomebody\n',
    platform: 'facebook',
    message: 'acct follows "Somebody", who is on no allowlist and has no exception',
    since: null,
    line: null,
  },
  'live exception': {
    kind: null,
    csv: 'handle\nreporter\n',
    policy:
      'exceptions:\n  - { account: acct, follows: "x:Reporter", reason: DMs, approved_by: Comms, expires: 2027-01-31 }',
  },
  'exception ending soon': {
    kind: 'exception-expiring',
    csv: 'handle\nreporter\n',
    policy:
      'exceptions:\n  - { account: "*", follows: "https://x.com/reporter", reason: DMs, approved_by: Comms, expires: 2026-12-01 }',
    message: 'The exception letting acct follow @reporter ends on 2026-12-01 (in 10 days)',
    since: '2026-11-01',
    line: 4,
  },
  'exception expired': {
    kind: 'exception-expired',
    csv: 'handle\nreporter\n',
    policy:
      'exceptions:\n  - { account: acct, follows: "x:reporter", reason: DMs, approved_by: Comms, expires: 2026-11-20 }',
    message: 'The exception letting acct follow @reporter ended on 2026-11-20',
    since: '2026-11-21',
    line: 4,
  },
  'exception keeps a lapsed endorsement allowed': {
    kind: null,
    csv: 'handle\nJaneForCouncil\n',
    allowlists: { 'e.yaml': endorsed('      expires: 2026-11-03') },
    policy:
      'exceptions:\n  - { account: acct, follows: "x:JaneForCouncil", reason: DMs, approved_by: Comms, expires: 2027-01-31 }',
  },
  'a permanent entry outweighs a lapsed one': {
    kind: null,
    csv: 'handle\nJaneForCouncil\n',
    allowlists: {
      'e.yaml': endorsed('      expires: 2026-11-03'),
      'd.yaml': 'category: dsa\nentries:\n  - name: Jane as organizer\n    accounts: { x: JaneForCouncil }\n',
    },
  },
};

describe('findings, one scenario each', () => {
  for (const [title, row] of Object.entries(cases)) {
    it(title, async () => {
      const report = await auditScenario({
        policy: row.policy,
        allowlists: row.allowlists ?? { 'c.yaml': coalition, 'l.yaml': labor },
        lists: { acct: { platform: row.platform ?? 'x', csv: row.csv } },
      });
      const found = report.findings.map((f) => ({
        kind: f.kind,
        message: f.message,
        since: f.since,
        line: f.entry?.line ?? f.exception?.line ?? null,
      }));
      const { kind } = row;
      expect(found).toEqual(
        kind === null ? [] : [{ kind, message: row.message, since: row.since, line: row.line }],
      );
      expect(report.summary.following).toBe(1);
    });
  }
});

describe('exception-unused', () => {
  it('names the exception that no follow uses any more', async () => {
    const report = await auditScenario({
      policy:
        'exceptions:\n  - { account: acct, follows: "x:gone", reason: DMs, approved_by: Comms, expires: 2027-01-31 }',
      allowlists: { 'c.yaml': coalition },
      lists: { acct: { platform: 'x', csv: 'handle\noldtenantshandle\n' } },
    });
    expect(report.findings.map((f) => [f.kind, f.account, f.exception?.line])).toEqual([
      ['exception-unused', 'acct', 4],
    ]);
  });

  it('is not reported for an account whose list is incomplete', async () => {
    const report = await auditScenario({
      policy:
        'exceptions:\n  - { account: acct, follows: "x:gone", reason: DMs, approved_by: Comms, expires: 2027-01-31 }',
      allowlists: { 'c.yaml': coalition },
      lists: { acct: { platform: 'x', csv: 'handle\n"unterminated\n' } },
    });
    expect(report.findings).toEqual([]);
    expect(report.accounts[0]).toMatchObject({ complete: false });
    expect(report.accounts[0]?.error).toMatch(/truncated/);
  });
});

describe('per-account allow', () => {
  it('lets a sanctioned account follow its own categories only', async () => {
    const report = await auditScenario({
      policy: 'allow: [coalition]',
      allowlists: { 'c.yaml': coalition, 'l.yaml': labor },
      lists: {
        main: { platform: 'x', csv: 'handle\nExampleTrades\n' },
        circle: { platform: 'x', csv: 'handle\nExampleTrades\n', extra: '    allow: [coalition, labor]\n' },
      },
    });
    expect(report.findings.map((f) => `${f.account}:${f.kind}`)).toEqual(['main:category-not-allowed']);
    expect(report.summary).toMatchObject({ following: 2, allowed: 1, violation: 1, lapsed: 0, warning: 0 });
  });
});

describe('order and summary', () => {
  it('sorts by class, account, then handle and counts every class', async () => {
    const report = await auditScenario({
      allowlists: { 'e.yaml': endorsed('      expires: 2026-11-03'), 'c.yaml': coalition },
      lists: {
        b: { platform: 'x', csv: 'handle\nzed\nJaneForCouncil\nalpha\n' },
        a: { platform: 'x', csv: 'handle\nBeta\n555\n' },
      },
    });
    expect(report.findings.map((f) => `${f.class}:${f.account}:${f.target.handle}`)).toEqual([
      'violation:a:555',
      'violation:a:Beta',
      'violation:b:alpha',
      'violation:b:zed',
      'lapsed:b:JaneForCouncil',
    ]);
    expect(report.summary).toEqual({
      following: 5,
      allowed: 0,
      violation: 4,
      lapsed: 1,
      warning: 0,
      unknown: 0,
      incompleteAccounts: 0,
    });
  });
});
