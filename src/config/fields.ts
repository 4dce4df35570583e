import { z } from 'zod';
import { PLATFORM_ALIASES, PLATFORM_CHOICES, PLATFORMS } from '../model.js';
import { isDay, isTimeZone } from '../util/days.js';
import { show } from './show.js';

/** A calendar day. YAML 1.2 keeps 2026-11-03 a string, so no Date objects reach here. */
export const day = z
  .string({ error: (iss) => notADay(iss.input) })
  .refine(isDay, { error: (iss) => notADay(iss.input) })
  .meta({ description: 'A calendar day, YYYY-MM-DD', examples: ['2026-11-03'] });

/** Why a value is not a day, and the day it likely means when that is certain. */
function notADay(input: unknown): string {
  // A file declaring YAML 1.1, or a !!timestamp tag, makes an unquoted date a date and time.
  if (input instanceof Date)
    return `${show(input)} is read as a date and time: put it in quotes, "${show(input)}"`;
  if (typeof input !== 'string') return `${show(input)} is not a date: write it as YYYY-MM-DD`;
  const m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(input.trim());
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), m[3]];
    const two = (n: number) => String(n).padStart(2, '0');
    const guess =
      a > 12 && b <= 12
        ? `${year}-${two(b)}-${two(a)}`
        : b > 12 && a <= 12
          ? `${year}-${two(a)}-${two(b)}`
          : null;
    if (guess && isDay(guess))
      return `${show(input)} is not a date as written here: write year-month-day, ${guess}`;
    return `${show(input)} is not a date as written here: write year-month-day, YYYY-MM-DD (${year}-..-..)`;
  }
  return `${show(input)} is not a date (YYYY-MM-DD)`;
}

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

/** Ids are written in quotes; an unquoted number is accepted only while it is exact (a whole number below 2^53). */
export const stableId = z.union([z.string().min(1), z.number().int().transform(String)]);

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
