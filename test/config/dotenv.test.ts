import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDotEnv, withDotEnv } from '../../src/config/dotenv.js';

// The cases follow the dotenv package's documented rules (github.com/motdotla/dotenv, "Rules").
const CASES: [string, string, string][] = [
  ['a plain value', 'X_BEARER_TOKEN=abc123', 'abc123'],
  ['spaces around = and the value', 'X_BEARER_TOKEN =  abc123  ', 'abc123'],
  ['export', 'export X_BEARER_TOKEN=abc123', 'abc123'],
  ['double quotes with a comment after', 'X_BEARER_TOKEN="abc123" # the app token', 'abc123'],
  ['single quotes with a comment after', "X_BEARER_TOKEN='abc123' # the app token", 'abc123'],
  ['back quotes', 'X_BEARER_TOKEN=`abc\'1"23`', 'abc\'1"23'],
  ['# inside quotes is kept', 'X_BEARER_TOKEN="abc#123" # comment', 'abc#123'],
  ['# inside single quotes is kept', "X_BEARER_TOKEN='abc #123'", 'abc #123'],
  ['an inline comment on an unquoted value', 'X_BEARER_TOKEN=abc123 # comment', 'abc123'],
  ['an unquoted value ends at #', 'X_BEARER_TOKEN=abc#123', 'abc'],
  ['CRLF line ends', 'A=1\r\nX_BEARER_TOKEN=abc123\r\nB=2\r\n', 'abc123'],
  ['CRLF after a quoted value', 'X_BEARER_TOKEN="abc123"\r\nB=2', 'abc123'],
  ['\\n in double quotes is a line break', 'X_BEARER_TOKEN="line1\\nline2"', 'line1\nline2'],
  ['\\n in single quotes stays as written', "X_BEARER_TOKEN='line1\\nline2'", 'line1\\nline2'],
  ['a quoted value across lines', 'X_BEARER_TOKEN="line1\nline2"\nB=2', 'line1\nline2'],
  ['an empty value', 'X_BEARER_TOKEN=', ''],
  ['the last definition wins', 'X_BEARER_TOKEN=old\nX_BEARER_TOKEN=new', 'new'],
  ['a commented-out line is skipped', '# X_BEARER_TOKEN=old\nX_BEARER_TOKEN=new', 'new'],
  ['the colon form', 'X_BEARER_TOKEN: abc123', 'abc123'],
  ['a byte order mark', '\uFEFFX_BEARER_TOKEN=abc123', 'abc123'],
  ['an unclosed quote is kept as written', 'X_BEARER_TOKEN="abc123', '"abc123'],
];

describe('.env as dotenv reads it', () => {
  for (const [name, text, expected] of CASES) {
    it(name, () => expect(parseDotEnv(text).X_BEARER_TOKEN).toBe(expected));
  }

  it('keeps the other keys of a file with comments and blank lines', () => {
    const text =
      '# tokens\n\nexport TWITCH_CLIENT_ID="cid"  # app\nTWITCH_TOKEN=\'tok\'\n  MASTODON_TOKEN = m #x\n';
    expect(parseDotEnv(text)).toEqual({ TWITCH_CLIENT_ID: 'cid', TWITCH_TOKEN: 'tok', MASTODON_TOKEN: 'm' });
  });

  it('lets the real environment win over the folder .env', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fa-dotenv-'));
    await writeFile(join(dir, '.env'), 'X_BEARER_TOKEN="from-file" # c\nMASTODON_TOKEN=file\n');
    const env = await withDotEnv(dir, { MASTODON_TOKEN: 'real' });
    expect(env.X_BEARER_TOKEN).toBe('from-file');
    expect(env.MASTODON_TOKEN).toBe('real');
  });
});
