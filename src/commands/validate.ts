import { loadConfig } from '../config/load.js';
import { sharedListNote, sharedListWords } from '../report/shared-lists.js';
import { plural } from '../util/text.js';

/** Loads everything (throwing ConfigError with every problem) and says what was checked. */
export async function validate(dir: string): Promise<string> {
  const config = await loadConfig(dir);
  const lists = [...config.categories.values()].map(
    (c) =>
      `${c.name} (${plural(config.entries.filter((e) => e.category === c.name).length, 'entry', 'entries')})`,
  );
  return [
    `${config.policyFile}: ${plural(config.accounts.length, 'account')}, ${plural(config.exceptions.length, 'exception')}`,
    `allowlists: ${lists.join(', ')}`,
    ...config.sharedLists.flatMap((s) => {
      const note = sharedListNote(s);
      return [`shared list ${sharedListWords(s)}`, ...(note ? [`  ${note}`] : [])];
    }),
    'No problems found.',
  ].join('\n');
}
