import type { Report } from '../core/report.js';
import { indentedJsonChunks } from '../util/json-chunks.js';
import type { Reporter } from './types.js';

/**
 * docs/json-report.md, in pieces (a report of a million follows is a hundred megabytes); the follow
 * lists a saved report keeps for the next comparison are left out.
 */
export function* jsonReportChunks({ follows: _kept, ...report }: Report): Generator<string> {
  yield* indentedJsonChunks(report);
  yield '\n';
}

export const json: Reporter = (report) => [...jsonReportChunks(report)].join('');
