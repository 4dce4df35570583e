import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { ROOT, SAMPLE_PARTS } from '../helpers/cli.js';

async function sampleFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'follow-audit-saved-'));
  for (const part of SAMPLE_PARTS) await cp(join(ROOT, part), join(dir, part), { recursive: true });
  return dir;
}

/** The saved report rewritten with one key object per follow, as earlier versions kept it. */
async function rewriteAsOlderFormat(dir: string): Promise<void> {
  const folder = join(dir, '.follow-audit/reports');
  const [name] = await readdir(folder);
  const file = join(folder, name!);
  const saved = JSON.parse(await readFile(file, 'utf8'));
  const older: Record<string, Record<string, string>[]> = {};
  for (const [account, columns] of Object.entries(saved.follows) as [string, Record<string, unknown[]>][]) {
    expect(Array.isArray(columns)).toBe(false);
    older[account] = columns.id!.map((id, i) => {
      const key: Record<string, string> = {};
      if (id !== null) key.id = id as string;
      if (columns.handle![i] !== null) key.handle = columns.handle![i] as string;
      if (columns.name![i] !== null) key.name = columns.name![i] as string;
      return key;
    });
  }
  await writeFile(file, JSON.stringify({ ...saved, follows: older }));
}

describe('saved reports', () => {
  it('compare the same whether their follows are kept as columns or as one object per follow', async () => {
    const [current, older] = [await sampleFolder(), await sampleFolder()];
    for (const dir of [current, older]) await audit({ config: dir, asOf: '2026-11-20', offline: true });
    await rewriteAsOlderFormat(older);
    const next = async (dir: string) =>
      (await audit({ config: dir, asOf: '2026-11-21', offline: true, save: false })).changes;
    const [fromCurrent, fromOlder] = [await next(current), await next(older)];
    expect(fromOlder?.accounts.length).toBeGreaterThan(0);
    expect(fromOlder?.accounts.every((a) => a.notCompared === null)).toBe(true);
    expect({ ...fromOlder, since: null }).toEqual({ ...fromCurrent, since: null });
  });
});
