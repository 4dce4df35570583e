// X bills reads per resource returned: "Following/Followers: Read" and "User: Read" $0.010 each,
// "Owned Reads" $0.001 when the app belongs to the account read.
// https://docs.x.com/x-api/getting-started/pricing
import { SourceError } from '../../errors.js';
import { plural } from '../../util/text.js';
import type { LiveContext } from '../types.js';

export const USD_PER_USER = 0.01;
export const USD_PER_OWNED_USER = 0.001;

export function usd(amount: number): string {
  return `$${amount.toFixed(2)}`;
}

/**
 * Says what a paid request will cost and lets it go ahead only within --max-cost, or when the
 * person at the terminal agrees. Returns the sentence to keep as a note.
 */
export async function approveCost(context: LiveContext, what: string, users: number): Promise<string> {
  const cost = users * USD_PER_USER;
  const sentence = `${what}: ${plural(users, 'account')} at ${usd(USD_PER_USER)} each, about ${usd(cost)} (${usd(users * USD_PER_OWNED_USER)} if the X app belongs to this account)`;
  context.progress(sentence);
  if (cost <= context.maxCostUsd) return sentence;
  if (context.interactive && context.confirm && (await context.confirm(`${sentence}. Go ahead?`)))
    return sentence;
  throw new SourceError(
    `${sentence}, more than --max-cost ${usd(context.maxCostUsd)}: pass --max-cost ${Math.ceil(cost * 100) / 100} (or more) to allow it`,
  );
}
