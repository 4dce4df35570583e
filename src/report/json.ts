import type { Reporter } from './types.js';

/** docs/json-report.md; the follow lists a saved report keeps for the next comparison are left out. */
export const json: Reporter = ({ follows: _kept, ...report }) => `${JSON.stringify(report, null, 2)}\n`;
