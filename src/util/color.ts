import { Chalk, type ChalkInstance } from 'chalk';

/** The one place colour is decided: off for NO_COLOR, --no-color, or output that is not a terminal. */
export function colors(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 1 : 0 });
}

export function colorWanted(flag: boolean | undefined, isTty: boolean, env: NodeJS.ProcessEnv): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTty;
}

/**
 * Whether the terminal shows OSC 8 hyperlinks: only where colour is on and standard output is a
 * terminal known to support them (FORCE_HYPERLINK=1 or 0 decides). Elsewhere the escape would
 * print as garbage, so the table writes the plain URL.
 */
export function hyperlinksWanted(color: boolean, isTty: boolean, env: NodeJS.ProcessEnv): boolean {
  if (!color) return false;
  if (env.FORCE_HYPERLINK !== undefined && env.FORCE_HYPERLINK !== '') return env.FORCE_HYPERLINK !== '0';
  if (!isTty || env.CI) return false;
  if (['iTerm.app', 'WezTerm', 'vscode', 'ghostty'].includes(env.TERM_PROGRAM ?? '')) return true;
  if (Number(env.VTE_VERSION) >= 5000) return true;
  if (env.WT_SESSION || env.KONSOLE_VERSION) return true;
  return /kitty|alacritty|foot|wezterm|ghostty/.test(env.TERM ?? '');
}

/**
 * `text` as an OSC 8 hyperlink to `url`. The URL must come from httpUrl (percent-encoded: no
 * ESC, BEL or backslash can end the sequence early) and the text from sanitizeLine.
 */
export function hyperlink(url: string, text: string): string {
  return `\u001B]8;;${url}\u001B\\${text}\u001B]8;;\u001B\\`;
}
