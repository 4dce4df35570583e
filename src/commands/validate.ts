import { loadConfig } from '../config/load.js';
import { placeholders } from '../config/placeholders.js';
import type { Config } from '../config/types.js';
import { ConfigError, type Problem } from '../errors.js';
import type { Validation } from '../report/validation.js';

/** Loads everything, as every command does, and collects the problems instead of throwing them. */
export async function validation(dir: string): Promise<Validation> {
  let config: Config;
  try {
    config = await loadConfig(dir);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { problems: error.problems.map((p) => ({ ...p, severity: 'error' })), checked: null };
  }
  return {
    problems: (await placeholders(config)).map((p) => ({ ...p, severity: 'warning' })),
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
