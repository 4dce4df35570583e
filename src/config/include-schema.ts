import { z } from 'zod';
import { decisionFields } from './allowlist-schema.js';
import { day, list } from './fields.js';

export const exclusionSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .meta({ description: 'The name of an entry of the shared list that this organization does not accept' }),
  ...decisionFields,
});

/** An allowlist file that names a list someone else keeps, pinned by its content. */
export const includeSchema = z
  .strictObject({
    include: z
      .string()
      .min(1)
      .meta({
        description: 'The shared list: an https URL, or a path relative to this file',
        examples: ['https://lists.example.org/national/endorsed.yaml'],
      }),
    // Optional here so that a missing pin gets its own message (run update --write).
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, {
        error:
          'expected 64 hexadecimal characters (the SHA-256 of the file, as sha256sum prints it): run "follow-audit update --write" to write it',
      })
      .optional()
      .meta({ description: "The pinned content: the SHA-256 of the shared file's bytes" }),
    updated: day
      .optional()
      .meta({ description: 'The day the pin was last updated (update --write sets it)' }),
    exclude: list(exclusionSchema),
  })
  .meta({ title: 'follow-audit shared list reference (allowlists/*.yaml with include:)' });

export type IncludeFile = z.output<typeof includeSchema>;
