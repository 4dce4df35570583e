import { z } from 'zod';
import { PLATFORM_ALIASES, PLATFORMS } from '../model.js';
import { day, identifier, list, stableId } from './fields.js';

export const refObjectSchema = z
  .strictObject({
    handle: z.string().min(1).optional(),
    id: stableId
      .optional()
      .meta({ description: "The platform's stable id: X numeric id, Bluesky DID, YouTube UC… id" }),
    name: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'Display name, for sources that give nothing else' }),
    url: z.string().min(1).optional(),
    confirmed: day.optional().meta({
      description: 'The day a person confirmed that the account matched by `name` is this one',
    }),
    confirmed_by: z.string().min(1).optional().meta({ description: 'Who confirmed it' }),
  })
  .refine((r) => r.handle ?? r.id ?? r.name ?? r.url, {
    error: 'give at least one of handle, id, name or url',
  });

export const refSchema = z.union([z.string().min(1), refObjectSchema]);

const platformAccounts = Object.fromEntries(
  [...PLATFORMS, ...Object.keys(PLATFORM_ALIASES)].map((p) => [
    p,
    z.union([refSchema, z.array(refSchema)]).optional(),
  ]),
);

export const endorsementSchema = z.strictObject({
  level: z.enum(['local', 'national']).optional(),
  office: z.string().optional(),
  endorsed: day.optional(),
  expires: day.meta({ description: 'Last day the endorsement covers (the end of the election cycle)' }),
  retracted: z
    .union([day, z.strictObject({ date: day, reason: z.string().optional() })])
    .optional()
    .meta({ description: 'The retraction takes effect on its date' }),
});

/** When and how the organization decided about an entry (or about leaving a shared one out). */
export const decisionFields = {
  decided: day.optional(),
  decision: z
    .string()
    .optional()
    .meta({ description: 'Where and how it was decided: meeting, vote, minutes link' }),
  note: z.string().optional(),
};

export const entrySchema = z.strictObject({
  name: z.string().min(1),
  accounts: z
    .strictObject(platformAccounts)
    .meta({ description: 'Per platform: handle, @handle, profile URL, an object, or a list of them' }),
  endorsement: endorsementSchema.optional(),
  ...decisionFields,
});

export const allowlistSchema = z
  .strictObject({
    category: identifier.meta({ description: 'The category name used in allow lists, e.g. coalition' }),
    description: z.string().optional(),
    entries: list(entrySchema),
  })
  .meta({ title: 'follow-audit allowlist (allowlists/*.yaml)' });

export type AllowlistFile = z.output<typeof allowlistSchema>;
export type RefInput = z.output<typeof refSchema>;
