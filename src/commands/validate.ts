import { loadConfig } from '../config/load.js';
import type { Config } from '../config/types.js';
import { ConfigError, type Problem } from '../errors.js';
import type { Validation } from '../report/validation.js';

/** Loads everything, as every command does, and collects the problems instead of throwing them. */
export async function validation(
  dir: string,
  warnings: (c: Config) => Problem[] = () => [],
): Promise<Validation> {
  let config: Config;
  try {
    config = await loadConfig(dir);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { problems: error.problems.map((p) => ({ ...p, severity: 'error' })), checked: null };
  }
  return {
    problems: warnings(config).map((p) => ({ ...p, severity: 'warning' })),
    checked: {
      accounts: config.accounts.length,
      exceptions: config.exceptions.length,
      categories: [...config.categories.values()].map((c) => ({
        name: c.name,
        entries: config.entries.filter((e) => e.category === c.name).length,
      })),
      sharedLists: config.sharedLists,
    },
  };
}
