import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run } from '../helpers/cli.js';
import { junitProblems, testcases } from '../helpers/junit-schema.js';

const AS_OF = ['--as-of', '2026-11-21', '--no-save'];

/** The 1-based line of the first line in a repository file that contains `text`. */
async function lineOf(file: string, text: string): Promise<number> {
  const lines = (await readFile(join(ROOT, file), 'utf8')).split('\n');
  const i = lines.findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`${text} not in ${file}`);
  return i + 1;
}

describe('the shipped sample in CI formats', () => {
  it('github: each annotation points at the YAML line to change', async () => {
    const r = run(['audit', ...AS_OF, '--format', 'github']);
    expect(r.code).toBe(1);
    const at = (title: string) => {
      const line = r.stdout.split('\n').find((l) => l.includes(`title=${title}`));
      return line && /^::(\w+) file=([^,]+),line=(\d+),/.exec(line)!.slice(1, 4).join(' ');
    };
    const policy = 'policy/policy.yaml';
    expect(at('On no allowlist%3A chapter-x → @PunditExample')).toBe(
      `error ${policy} ${await lineOf(policy, '- name: chapter-x')}`,
    );
    expect(at('Endorsement lapsed%3A chapter-x → @JaneExample4Council')).toBe(
      `error allowlists/endorsed.yaml ${await lineOf('allowlists/endorsed.yaml', '- name: Jane Example')}`,
    );
    expect(at('Endorsement ending soon%3A chapter-x → @RosaPlaceholder')).toBe(
      `warning allowlists/endorsed.yaml ${await lineOf('allowlists/endorsed.yaml', '- name: Rosa Placeholder')}`,
    );
    expect(at('Handle changed%3A chapter-bluesky → @tenants-union.example.org')).toBe(
      `warning allowlists/coalition.yaml ${await lineOf('allowlists/coalition.yaml', '- name: Example Tenants Union')}`,
    );
    expect(at('Exception expired%3A chapter-instagram → @examplepressdesk')).toBe(
      `error ${policy} ${await lineOf(policy, '- account: chapter-instagram')}`,
    );
    expect(at('Exception no longer used%3A chapter-bluesky → @formerpartner.example.org')).toBe(
      `warning ${policy} ${await lineOf(policy, '- account: chapter-bluesky')}`,
    );
  });

  it('github: the Markdown report goes to GITHUB_STEP_SUMMARY, appended', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'follow-audit-summary-'));
    const summary = join(dir, 'summary.md');
    await writeFile(summary, 'earlier step\n');
    const r = run(['audit', ...AS_OF, '--format', 'github', '--format', `junit:${join(dir, 'junit.xml')}`], {
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(r.code).toBe(1);
    const text = await readFile(summary, 'utf8');
    expect(text).toMatch(/^earlier step\n# Example City DSA: follow audit as of 2026-11-21\n/);
    expect(text).toContain('## Action checklist (6)');
    expect(await junitProblems(await readFile(join(dir, 'junit.xml'), 'utf8'))).toEqual([]);
    await rm(dir, { recursive: true });
  });

  it('junit: valid, one suite per account and one case per follow', async () => {
    const r = run(['audit', ...AS_OF, '--format', 'junit']);
    expect(await junitProblems(r.stdout)).toEqual([]);
    const json = JSON.parse(run(['audit', ...AS_OF, '--format', 'json']).stdout);
    const cases = testcases(r.stdout);
    for (const a of json.accounts) {
      const own = cases.filter((c) => c.suite === a.name);
      expect(own.length).toBeGreaterThanOrEqual(a.following);
    }
    expect(cases.filter((c) => c.children.includes('failure'))).toHaveLength(6);
  });

  it('refuses two formats on standard output', () => {
    const r = run(['audit', ...AS_OF, '--format', 'table', '--format', 'json', '-o', '/dev/null']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('only one format can go to standard output');
  });
});
