import { z } from 'zod';
import type { Followed } from '../../model.js';

/** Pagination tokens and X's view of the list go stale: older fetches start over. */
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

const resumeSchema = z.object({
  platform: z.literal('x'),
  userId: z.string(),
  token: z.string().min(1),
  savedAt: z.string(),
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
export type XResume = {
  platform: 'x';
  userId: string;
  token: string;
  savedAt: string;
  following: Followed[];
};

/** The saved resume point, if it belongs to this account and is recent enough to trust. */
export function readResume(value: unknown, userId: string, now: Date): XResume | null {
  const parsed = resumeSchema.safeParse(value);
  if (!parsed.success || parsed.data.userId !== userId) return null;
  const age = now.getTime() - Date.parse(parsed.data.savedAt);
  return age >= 0 && age <= MAX_AGE_MS ? parsed.data : null;
}
