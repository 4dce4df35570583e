import type { NetContext } from './context.js';

/** Seconds to wait before a rate-limited request may be sent again, or null if the headers do not say. */
export type ResetReader = (headers: Headers, now: Date) => number | null;

const untilUnixSeconds =
  (name: string): ResetReader =>
  (headers, now) => {
    const value = Number(headers.get(name));
    if (!headers.get(name) || !Number.isFinite(value)) return null;
    return Math.max(0, value - now.getTime() / 1000);
  };

/** Bluesky: `RateLimit-Reset`, unix seconds (atproto xrpc-server rate-limiter-http.ts). */
export const blueskyReset = untilUnixSeconds('ratelimit-reset');
/** Twitch: `Ratelimit-Reset`, unix seconds (dev.twitch.tv/docs/api/guide/#twitch-rate-limits). */
export const twitchReset = untilUnixSeconds('ratelimit-reset');

/** Mastodon: `X-RateLimit-Reset` is an ISO-8601 time, not seconds (docs.joinmastodon.org/api/rate-limits). */
export const mastodonReset: ResetReader = (headers, now) => {
  const at = Date.parse(headers.get('x-ratelimit-reset') ?? '');
  return Number.isNaN(at) ? null : Math.max(0, (at - now.getTime()) / 1000);
};

/** YouTube sends no reset header: its limit is a daily quota, answered with 403 quotaExceeded. */
export const noReset: ResetReader = () => null;

/** `Retry-After`: seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfter(headers: Headers, now: Date): number | null {
  const value = headers.get('retry-after')?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, (at - now.getTime()) / 1000);
}

/** Waits out a rate limit in one-second steps, so that the user sees a countdown. */
export async function countdown(context: NetContext, seconds: number, what: string): Promise<void> {
  let left = Math.ceil(seconds);
  while (left > 0) {
    context.progress(`${what}: rate limited, continuing in ${left}s`);
    await context.sleep(1000);
    left--;
  }
}
