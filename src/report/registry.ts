import type { Format } from './formats.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { table } from './table.js';
import type { Reporter } from './types.js';

export { FORMATS, type Format } from './formats.js';

export const reporters = { table, json, markdown, junit, github } satisfies Record<Format, Reporter>;
