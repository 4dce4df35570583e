import { loadConfig } from '../../src/config/load.js';
import { ConfigError, formatProblem } from '../../src/errors.js';
import { writeTree } from './tree.js';

// A small valid audit folder, and the problems loading it gives once some of its files are changed.

export const POLICY = `organization: Test Org
allow: [dsa]
accounts:
  - name: chapter-x
    platform: x
    handle: ExampleChapter
    source: lists/x.csv
`;
export const DSA = `category: dsa
entries:
  - name: Lakeside
    accounts:
      x: ExampleLakeside
`;

/** Each problem as validate prints it (file:line:col message); none for a valid folder. */
export async function problems(files: Record<string, string>): Promise<string[]> {
  const dir = await writeTree({ 'policy/policy.yaml': POLICY, 'allowlists/dsa.yaml': DSA, ...files });
  try {
    await loadConfig(dir);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map(formatProblem);
  }
}
