import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { keepSecretsOf } from '../net/redact.js';
import { configText } from './config-text.js';

export const DOTENV_FILE = '.env';
type Env = Readonly<Record<string, string | undefined>>;

/**
 * The environment with the variables of the audit folder's `.env` added. Real environment
 * variables win. Values are never shown: they are remembered as secrets to hide.
 */
export async function withDotEnv(dir: string, env: Env): Promise<Env> {
  // Read as bytes however it is served: a secrets manager may serve .env through a named pipe.
  const bytes = await readFile(join(dir, DOTENV_FILE)).catch(() => null);
  let merged: Env = env;
  if (bytes) {
    const decoded = configText(bytes);
    // Read as UTF-8, a UTF-16 file would define nothing, and every token would look unset.
    if ('problem' in decoded) throw new UsageError(`${DOTENV_FILE} ${decoded.problem}`);
    merged = { ...parseDotEnv(decoded.text), ...definedOnly(env) };
  }
  keepSecretsOf(merged);
  return merged;
}

const QUOTES = new Set(["'", '"', '`']);
const KEY = /^[ \t]*(?:export[ \t]+)?([\w.-]+)(?:[ \t]*=[ \t]*|:[ \t]+)/;

/**
 * `.env` as the dotenv package reads it: `KEY=value`, `export KEY=value`, `KEY: value`; a value
 * in single, double or back quotes (which may span lines, and keep `#`); in double quotes `\n`
 * and `\r` become line breaks; an unquoted value ends at `#` and is trimmed; CRLF or LF; the
 * last definition of a key wins.
 */
export function parseDotEnv(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let at = 0;
  while (at < src.length) {
    const lineEnd = endOfLine(src, at);
    const key = KEY.exec(src.slice(at, lineEnd));
    if (!key) {
      at = lineEnd + 1;
      continue;
    }
    const start = at + key[0].length;
    const quoted = quotedValue(src, start);
    if (quoted) {
      vars[key[1]!] = quoted.value;
      at = endOfLine(src, quoted.end) + 1;
    } else {
      vars[key[1]!] = src.slice(start, lineEnd).replace(/#.*$/, '').trim();
      at = lineEnd + 1;
    }
  }
  return vars;
}

/** A value in quotes starting at `start`, and where it ends; null when it is not closed. */
function quotedValue(src: string, start: number): { value: string; end: number } | null {
  const quote = src[start]!;
  if (!QUOTES.has(quote)) return null;
  for (let i = start + 1; i < src.length; i++) {
    if (src[i] === '\\' && src[i + 1] === quote) i++;
    else if (src[i] === quote) {
      const inner = src.slice(start + 1, i);
      return { value: quote === '"' ? inner.replace(/\\n/g, '\n').replace(/\\r/g, '\r') : inner, end: i + 1 };
    }
  }
  return null;
}

function endOfLine(src: string, from: number): number {
  const i = src.indexOf('\n', from);
  return i === -1 ? src.length : i;
}

function definedOnly(env: Env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}
