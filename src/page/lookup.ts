// What the page's search box answers: the CLI's own reading and judging, run on the page's data.
import { type Answer, lookUp as lookUpIn } from '../core/lookup.js';
import type { Platform } from '../model.js';
import { checkConfigOf, listsOf, type PageData } from './data.js';

export type { Answer };

export function lookUp(data: PageData, typed: string, platform: Platform | 'any'): Answer {
  return lookUpIn(checkConfigOf(data), (p) => listsOf(data, p), data.asOf, typed, platform);
}
