import { z } from 'zod';
import type { Followed } from '../../model.js';

const stateSchema = z.object({
  token: z.string().min(1),
  following: z.array(
    z.object({
      id: z.string(),
      handle: z.string().nullable(),
      name: z.string().nullable(),
      url: z.string().nullable(),
    }),
  ),
});

/** Where an incomplete X fetch stopped, with what it had fetched until then. */
type XResumeState = { token: string; following: Followed[] };

/** The saved state, if it is one (whose it is and how old is checked by platforms/cursor.ts). */
export function readXState(value: unknown): XResumeState | null {
  const parsed = stateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
