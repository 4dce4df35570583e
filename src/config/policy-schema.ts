import { z } from 'zod';
import { categories, day, email, identifier, list, platformName, timeZone } from './fields.js';

const maxAgeDays = z.number().int().min(0).meta({
  description:
    'A following list describing a day more than this many days before today is stale: the account is incomplete (exit 3). 0 turns the check off',
});

export const auditedAccountSchema = z
  .strictObject({
    name: identifier.meta({ description: 'Unique local name, used in reports and in --account' }),
    platform: platformName,
    handle: z.string().min(1).meta({ description: 'The handle of the audited account on its platform' }),
    id: z
      .string()
      .min(1)
      .optional()
      .meta({ description: "The platform's stable id of this account, if known" }),
    source: z.string().min(1).optional().meta({
      description: '"api" (live), or the path of an export file, CSV or snapshot, relative to this folder',
    }),
    api_url: z.url().optional().meta({
      description: 'Another API base URL (a Mastodon instance, a Bluesky AppView, a proxy, a test server)',
    }),
    plc_url: z.url().optional().meta({
      description:
        "Bluesky: the DID directory that finds the account's own server (default https://plc.directory)",
    }),
    allow: categories.meta({
      description: 'Categories this account may follow; replaces the top-level allow',
    }),
    contact: email.optional().meta({
      description: "A sanctioned account's own team: members' reports about its follows go here",
    }),
    max_age_days: maxAgeDays
      .optional()
      .meta({ description: "Overrides the top-level max_age_days for this account's list" }),
    as_of: day.optional().meta({
      description: 'The day a CSV (or another file that records no date) describes',
    }),
    note: z.string().optional(),
  })
  .meta({ description: 'One audited account of the organization' });

export const exceptionSchema = z
  .strictObject({
    account: z
      .string()
      .min(1)
      .meta({ description: 'An account name from accounts, or "*" for every account' }),
    follows: z.string().min(1).meta({ description: 'platform:handle, platform:id:<id>, or a profile URL' }),
    reason: z.string().min(1),
    approved_by: z.string().min(1),
    decided: day.optional(),
    decision: z
      .string()
      .optional()
      .meta({ description: 'Where it was decided: meeting, vote, minutes link' }),
    expires: day.meta({ description: 'Last day the exception covers' }),
    note: z.string().optional(),
  })
  .meta({ description: 'A temporary exception: one account may follow one account outside the allowlists' });

export const policySchema = z
  .strictObject({
    organization: z.string().min(1),
    contact: email.optional().meta({ description: 'Where members send questionable-follow reports' }),
    timezone: timeZone.default('UTC').meta({ description: 'Dates are judged in this IANA timezone' }),
    warn_days: z
      .number()
      .int()
      .min(0)
      .default(30)
      .meta({ description: 'Warn when an endorsement or exception ends within this many days' }),
    max_age_days: maxAgeDays.default(45),
    allow: categories.meta({ description: 'Categories every account may follow; default: all' }),
    accounts: z
      .array(auditedAccountSchema)
      .nullable()
      .transform((v) => v ?? [])
      .refine((a) => a.length > 0, { error: 'list at least one account to audit' }),
    exceptions: list(exceptionSchema),
  })
  .meta({ title: 'follow-audit policy (policy/policy.yaml)' });

export type PolicyFile = z.output<typeof policySchema>;
