import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runbook } from '../../src/commands/runbook.js';
import { loadConfig } from '../../src/config/load.js';
import { ROOT, run } from '../helpers/cli.js';
import { writeTree } from '../helpers/tree.js';

describe('the runbook', () => {
  it('in docs/ is the one generated from the shipped sample (regenerate: npx vitest run -u test/commands/runbook.test.ts)', async () => {
    await expect(runbook(await loadConfig(ROOT))).toMatchFileSnapshot(join(ROOT, 'docs/runbook.md'));
  });

  it('is written by init from the new folder’s policy, next to a .gitignore that keeps .follow-audit/ in git', async () => {
    const dir = join(await writeTree({}), 'chapter');
    const init = run(['init', '-C', dir]);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('RUNBOOK.md');
    const guide = readFileSync(join(dir, 'RUNBOOK.md'), 'utf8');
    expect(guide).toContain('# Runbook: the monthly follow audit of Your Organization');
    expect(guide).toContain('### chapter-instagram: Instagram @yourchapter');
    expect(guide).toContain('Accounts Center › Your information and permissions › Download your information');
    expect(guide).toContain('- **Instagram**: open the profile in the app');
    expect(guide).toContain('| Endorsement lapsed (`endorsement-lapsed`) | the body that endorsed');
    expect(guide).toContain('confirmed_by: Comms Committee');
    expect(guide).toContain('Never put a token in the repository');
    const ignore = readFileSync(join(dir, '.gitignore'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(ignore).toEqual(['exports/', '.env', '*.tmp', 'node_modules/']);
  });
});
