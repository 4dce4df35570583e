// `init` never overwrites a file; its templates hold no trap for the volunteer who edits them.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../helpers/cli.js';
import { writeTree } from '../helpers/tree.js';

/** Every file under dir with its content, to compare before and after. */
async function contents(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f, await readFile(f, 'utf8')])));
}

describe('init never overwrites a file', () => {
  it('refuses an audit folder, with --force too, and leaves every file as it was', async () => {
    const dir = await writeTree({});
    expect(run(['init', '-C', dir, '-q']).code).toBe(0);
    await writeFile(join(dir, 'policy/policy.yaml'), 'organization: Edited by hand\n');
    const before = await contents(dir);
    const again = run(['init', '-C', dir]);
    expect(again).toMatchObject({ code: 2, stdout: '' });
    expect(again.stderr).toBe(
      `follow-audit: ${join(dir, 'policy/policy.yaml')} already exists, so this is an audit folder already: init wrote nothing (it never overwrites a file). To add an account from its download, run "follow-audit init --from <download>"\n`,
    );
    const forced = run(['init', '-C', dir, '--force']);
    expect(forced.code).toBe(2);
    expect(forced.stderr).toMatch(
      /^follow-audit: init never overwrites a file, so there is no --force: to start a file again, move it away first/,
    );
    expect(await contents(dir)).toEqual(before);
  });

  it('in a folder with files of its own: keeps them, adds the missing .gitignore rules, no example entries', async () => {
    const dir = await writeTree({
      '.gitignore': 'node_modules/\n.DS_Store',
      'package.json': '{ "name": "ours" }\n',
      'allowlists/partners.yaml': 'category: partners\nentries: []\n',
    });
    const r = run(['init', '-C', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Kept as they were (init never overwrites a file): .gitignore, package.json\n',
    );
    expect(r.stdout).toContain('Added to .gitignore: exports/, .env, *.tmp\n');
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toBe(
      'node_modules/\n.DS_Store\n# Added by follow-audit init: raw downloads and tokens stay out of git.\nexports/\n.env\n*.tmp\n',
    );
    expect(await readFile(join(dir, 'package.json'), 'utf8')).toBe('{ "name": "ours" }\n');
    expect(await readdir(join(dir, 'allowlists'))).toEqual(['partners.yaml']);
  });
});

describe('the templates hold no trap', () => {
  it('the example exception works once uncommented, as its comment says', async () => {
    const dir = await writeTree({});
    run(['init', '-C', dir, '-q']);
    const path = join(dir, 'policy/policy.yaml');
    const text = await readFile(path, 'utf8');
    const [head, tail] = text.split('\nexceptions:\n');
    await writeFile(path, `${head}\nexceptions:\n${tail!.replace(/^ {2}# /gm, '  ')}`);
    const r = run(['validate', '-C', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).checked.exceptions).toBe(1);
  });

  it('no example has ended on the day of the init', async () => {
    const dir = await writeTree({});
    run(['init', '-C', dir, '-q']);
    const endorsed = parse(await readFile(join(dir, 'allowlists/endorsed.yaml'), 'utf8'));
    const today = new Date().toISOString().slice(0, 10);
    expect(endorsed.entries[0].endorsement.expires > today).toBe(true);
  });

  it('a list key left empty (only comments under it) is an empty list', async () => {
    const dir = await writeTree({
      'policy/policy.yaml':
        'organization: T\ncontact: t@example.org\naccounts:\n  - { name: a, platform: x, handle: h, source: a.csv }\nexceptions:\n  # none yet\n',
      'allowlists/a.yaml': 'category: dsa\nentries:\n',
      'allowlists/b.yaml': 'category: coalition\nentries: # to come\n',
      'a.csv': 'handle\nsomeone\n',
    });
    const r = run(['validate', '-C', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).checked).toMatchObject({
      exceptions: 0,
      categories: [
        { name: 'dsa', entries: 0 },
        { name: 'coalition', entries: 0 },
      ],
    });
  });
});
