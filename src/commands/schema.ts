import { z } from 'zod';
import { allowlistSchema } from '../config/allowlist-schema.js';
import { policySchema } from '../config/policy-schema.js';

export const SCHEMAS = { policy: policySchema, allowlist: allowlistSchema } as const;
export type SchemaName = keyof typeof SCHEMAS;

/** Editor JSON Schemas, generated from the same zod schemas that validate the files. */
export function jsonSchema(name: SchemaName): Record<string, unknown> {
  return z.toJSONSchema(SCHEMAS[name], { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

export function schemaFileName(name: SchemaName): string {
  return `${name}.schema.json`;
}
