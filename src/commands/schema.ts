import { z } from 'zod';
import { allowlistSchema } from '../config/allowlist-schema.js';
import { includeSchema } from '../config/include-schema.js';
import { policySchema } from '../config/policy-schema.js';
import { reportSchema } from '../report/report-schema.js';

/** The files a volunteer writes: their schemas are for editors, and `init` writes them. */
export const SCHEMAS = {
  policy: policySchema,
  // An allowlist file holds entries, or names a shared list (include:).
  allowlist: z
    .union([allowlistSchema, includeSchema])
    .meta({ title: 'follow-audit allowlist (allowlists/*.yaml): entries, or include: a shared list' }),
} as const;
export type SchemaName = keyof typeof SCHEMAS | 'report';

/**
 * JSON Schemas generated from the same zod schemas that validate the files (what may be
 * written), or that the report's types are held to (what the tool writes).
 */
export function jsonSchema(name: SchemaName): Record<string, unknown> {
  // As input, an object is left open to fields it does not list: the report only grows.
  const schema = name === 'report' ? reportSchema : SCHEMAS[name];
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

export function schemaFileName(name: SchemaName): string {
  return `${name}.schema.json`;
}
