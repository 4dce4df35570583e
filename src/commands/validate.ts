import { loadConfig } from '../config/load.js';

/** Loads everything (throwing ConfigError with every problem) and says what was checked. */
export async function validate(dir: string): Promise<string> {
  const config = await loadConfig(dir);
  const lists = [...config.categories.values()].map(
    (c) => `${c.name} (${config.entries.filter((e) => e.category === c.name).length})`,
  );
  return [
    `${config.policyFile}: ${config.accounts.length} accounts, ${config.exceptions.length} exceptions`,
    `allowlists: ${lists.join(', ')}`,
    'No problems found.',
  ].join('\n');
}
