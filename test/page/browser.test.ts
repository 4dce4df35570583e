// The browser tests need no system package: the npm path must work even where Debian's
// chromium is installed (and would be chosen), so it is exercised here on its own.
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumPath, unpackNpmChromium } from '../helpers/browser.js';

const saved = process.env.CHROMIUM_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved;
});

describe('the Chromium the browser tests use', () => {
  it('unpacks from the @sparticuz/chromium package and runs', async () => {
    const binary = await unpackNpmChromium();
    expect(binary).toMatch(/sparticuz-chromium-[\d.]+[/\\]chromium$/);
    const r = spawnSync(binary, ['--version'], { encoding: 'utf8' });
    expect(r.error).toBeUndefined();
    expect(r.stdout).toMatch(/^Chromium \d+\./);
  });

  it('CHROMIUM_PATH wins, and a wrong one is an error, never a skip', async () => {
    process.env.CHROMIUM_PATH = process.execPath;
    expect(await chromiumPath()).toBe(process.execPath);
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    await expect(chromiumPath()).rejects.toThrow(/CHROMIUM_PATH names \/nonexistent\/chromium/);
  });
});
