import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const DOTENV_FILE = '.env';
type Env = Readonly<Record<string, string | undefined>>;

/**
 * The environment with the variables of the audit folder's `.env` added (KEY=VALUE lines,
 * `#` comments, optional quotes). Real environment variables win. Values are never shown.
 */
export async function withDotEnv(dir: string, env: Env): Promise<Env> {
  let text: string;
  try {
    text = await readFile(join(dir, DOTENV_FILE), 'utf8');
  } catch {
    return env;
  }
  return { ...parseDotEnv(text), ...definedOnly(env) };
}

export function parseDotEnv(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(raw);
    if (!m) continue;
    const value = m[2]!;
    const quoted = /^(["'])(.*)\1$/.exec(value);
    vars[m[1]!] = quoted ? quoted[2]! : value.replace(/\s+#.*$/, '');
  }
  return vars;
}

function definedOnly(env: Env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}
