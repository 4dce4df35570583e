import { z } from 'zod';
import { PLATFORM_ALIASES, PLATFORM_CHOICES, PLATFORMS } from '../model.js';
import { isDay, isTimeZone } from '../util/days.js';
import { show } from './show.js';

/** A calendar day. YAML 1.2 keeps 2026-11-03 a string, so no Date objects reach here. */
export const day = z
  .string({ error: (iss) => `${show(iss.input)} is not a date: write it as YYYY-MM-DD` })
  .refine(isDay, { error: (iss) => `${show(iss.input)} is not a date (YYYY-MM-DD)` })
  .meta({ description: 'A calendar day, YYYY-MM-DD', examples: ['2026-11-03'] });

export const identifier = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
  error: (iss) => `${show(iss.input)} is not a valid name: use letters, digits, '.', '_' or '-'`,
});

export const platformName = z.enum(
  [...PLATFORMS, ...Object.keys(PLATFORM_ALIASES)] as [string, ...string[]],
  {
    error: (iss) => `unknown platform ${show(iss.input)}: use ${PLATFORM_CHOICES}`,
  },
);

export const timeZone = z.string().refine(isTimeZone, {
  error: (iss) => `${show(iss.input)} is not a timezone: use an IANA name like Europe/Berlin`,
});

/** Ids are written in quotes; an unquoted number is accepted only while it is exact. */
export const stableId = z.union([
  z.string().min(1),
  z
    .number()
    .int()
    .refine(Number.isSafeInteger, { error: 'this id is too long to be a number: put it in quotes' })
    .transform(String),
]);

/** An address a member's email can reach: "comms at chapter" would give a broken mailto: link. */
export const email = z
  .string()
  .regex(/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/, {
    error: (iss) => `${show(iss.input)} is not an email address: write it like comms@example.org`,
  })
  .meta({ description: 'An email address', examples: ['communications@example.org'] });

// A key written with nothing after it (`exceptions:` over commented-out examples) is YAML's null:
// it reads as an empty list, so uncommenting an example, or commenting out the last item, works.

/** A list that may be left out or written empty. */
export const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);

/** A list of categories: left out means the default, written empty means none. */
export const categories = z
  .array(identifier)
  .nullish()
  .transform((v) => (v === null ? [] : v));
