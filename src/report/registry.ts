import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { table } from './table.js';
import type { Reporter } from './types.js';

export const FORMATS = ['table', 'json', 'markdown', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export const reporters = { table, json, markdown, junit, github } satisfies Record<Format, Reporter>;
