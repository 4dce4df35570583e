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
