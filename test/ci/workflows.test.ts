// The GitHub Action, the example workflow a chapter copies, and this project's own workflows:
// every step they rely on exists (action inputs, commands, flags, files), nothing runs unpinned,
// and no pull-request run gets a secret.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, run } from '../helpers/cli.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  id?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Job {
  if?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  permissions?: Record<string, string>;
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const EXAMPLE = 'examples/github-workflow.yml';
const WORKFLOWS = [
  EXAMPLE,
  ...readdirSync(join(ROOT, '.github/workflows')).map((f) => `.github/workflows/${f}`),
];
const example = parse(read(EXAMPLE)) as Workflow;
const action = parse(read('action.yml')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; steps: Step[] };
};
const ourAction = /^OWNER\/follow-audit@([0-9a-f]{40})$/;
const help = new Map<string, string>();
const helpOf = (command: string) => {
  if (!help.has(command)) {
    const r = run([command, '--help']);
    expect(r.code, `follow-audit ${command} is a command`).toBe(0);
    expect(r.stdout, `follow-audit ${command} is a command`).toMatch(
      new RegExp(`^Usage: follow-audit ${command} `),
    );
    help.set(command, r.stdout);
  }
  return help.get(command)!;
};

describe('every action any workflow uses is pinned', () => {
  for (const file of [...WORKFLOWS, 'action.yml'])
    it(`${file}: by a full commit hash, with the version in a comment`, () => {
      const lines = read(file)
        .split('\n')
        .filter((l) => /^\s*(- )?uses: /.test(l));
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        const m = /uses: (\S+)(.*)$/.exec(line)!;
        if (m[1] === './') continue;
        expect(m[1], line).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
        expect(m[2], line).toMatch(/^ # v\d+\.\d+\.\d+$/);
      }
    });
});

describe('permissions', () => {
  for (const file of WORKFLOWS)
    it(`${file}: none by default, and each job names the few it needs`, () => {
      const wf = parse(read(file)) as Workflow;
      expect(wf.permissions).toEqual({});
      for (const [name, job] of Object.entries(wf.jobs))
        expect(Object.keys(job.permissions ?? { missing: 1 }), name).not.toContain('missing');
    });

  it('the example: read-only on pull requests; the monthly job may push a branch, open a PR and an issue', () => {
    expect(example.jobs.check!.permissions).toEqual({ contents: 'read' });
    expect(example.jobs.monthly!.permissions).toEqual({
      contents: 'write',
      'pull-requests': 'write',
      issues: 'write',
    });
  });
});

describe('the example workflow', () => {
  const ourSteps = Object.values(example.jobs).flatMap((j) =>
    j.steps.filter((s) => s.uses?.startsWith('OWNER/')),
  );

  it('uses the action in this repository, pinned by commit, with inputs the action has', () => {
    expect(ourSteps.length).toBeGreaterThan(3);
    expect(action.runs.using).toBe('composite');
    for (const step of ourSteps) {
      expect(step.uses).toMatch(ourAction);
      for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
    }
    const failing = example.jobs.monthly!.steps.find((s) => s.if?.includes('steps.audit'))!;
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression
    expect(failing.env?.CODE).toBe('${{ steps.audit.outputs.exit-code }}');
    expect(Object.keys(action.outputs)).toEqual(['exit-code']);
  });

  it('runs only commands and flags the CLI has', () => {
    for (const step of ourSteps) {
      const command = step.with?.command ?? action.inputs.command!.default!;
      const text = helpOf(command);
      const flags = (step.with?.args ?? '').split(' ').filter((w) => w.startsWith('-'));
      if (step.with?.['fail-on']) flags.push('--fail-on');
      if (step.with?.format) flags.push('--format');
      for (const flag of flags)
        expect(text, `${command} ${flag}`).toMatch(new RegExp(`(^|[ ,])${flag}\\b`, 'm'));
      for (const format of (step.with?.format ?? '').split('\n').filter(Boolean))
        expect(text, `${command} --format ${format}`).toContain(format.split(':')[0]);
    }
  });

  it('reads only files an earlier step wrote', () => {
    for (const job of Object.values(example.jobs)) {
      const written = new Set<string>();
      for (const step of job.steps) {
        for (const path of step.run?.matchAll(/(?:--body-file|jq -r \S+) ([\w./-]+)/g) ?? [])
          expect([...written], `${step.name} reads ${path[1]}`).toContain(path[1]);
        for (const format of (step.with?.format ?? '').split('\n'))
          if (format.includes(':')) written.add(format.slice(format.indexOf(':') + 1));
      }
    }
  });

  it('gives pull-request runs no secret, and checks what is committed, offline', () => {
    const check = example.jobs.check!;
    expect(check.if).toBe("github.event_name == 'pull_request'");
    expect(example.jobs.monthly!.if).toBe("github.event_name != 'pull_request'");
    expect(JSON.stringify(check)).not.toContain('secrets.');
    expect(check.steps[0]!.with).toEqual({ 'persist-credentials': false });
    expect(check.steps.map((s) => [s.with?.command, s.with?.format, s.with?.args])).toEqual([
      [undefined, undefined, undefined],
      ['validate', 'github', undefined],
      ['audit', 'github', '--offline --no-save'],
    ]);
  });

  it('is the one the README explains, line by line', () => {
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf('### The workflow, line by line'));
    const quoted = [...section.slice(0, section.indexOf('\n## ')).matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map((m) => m[1])
      .join('');
    expect(quoted).toBe(read(EXAMPLE));
  });
});

describe('the release workflow', () => {
  const release = parse(read('.github/workflows/release.yml')) as Workflow;
  const steps = release.jobs.publish!.steps;
  const at = (text: string) => steps.findIndex((s) => s.run?.includes(text));

  it('publishes with provenance on a version tag, after the tests pass', () => {
    expect(release.on).toEqual({ push: { tags: ['v*.*.*'] } });
    expect(release.jobs.publish!.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(at('npm ci')).toBeGreaterThan(0);
    expect(at('npm test')).toBeGreaterThan(at('npm ci'));
    expect(at('npm publish --provenance')).toBeGreaterThan(at('npm test'));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression
    expect(steps[at('npm publish')]!.env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
  });
});
