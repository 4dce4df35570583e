// The X API v2 through twitter-api-v2, with the faults of a long fetch handled in one place:
// retries on 5xx and network errors, waits on 429 up to --max-wait, errors in words a volunteer
// can act on, and the bearer token kept out of every message.
// https://docs.x.com/x-api/fundamentals/rate-limits · https://docs.x.com/x-api/fundamentals/response-codes-and-errors
import { Agent } from 'node:http';
import type { TwitterApiReadOnly } from 'twitter-api-v2';
import { SourceError } from '../../errors.js';
import { joinPath } from '../../net/http.js';
import { envRedactor, type Redact } from '../../net/redact.js';
import type { LiveContext } from '../types.js';

const TIMEOUT_MS = 30_000;
const MAX_ATTEMPTS = 4;
const MAX_RATE_LIMIT_WAITS = 3;

export interface XClient {
  v2: TwitterApiReadOnly['v2'];
  /** Runs one request, retrying what is worth retrying; throws SourceError otherwise. */
  call<T>(what: string, request: () => Promise<T>): Promise<T>;
  /** Waits out an exhausted rate-limit budget; false when the reset is beyond --max-wait. */
  waitForReset(resetSeconds: number): Promise<boolean>;
  /** Hides every credential of the environment (in all its forms) in text that may be shown. */
  redact: Redact;
}

export async function connectX(context: LiveContext): Promise<XClient> {
  const token = context.env.X_BEARER_TOKEN?.trim();
  if (!token) {
    throw new SourceError(
      'X_BEARER_TOKEN is not set: create an app bearer token at https://developer.x.com and set it in the environment (or in a .env file in the audit folder)',
    );
  }
  // Loaded only when an X list is fetched: the library is large and most runs never need it.
  const { TwitterApi } = await import('twitter-api-v2');
  const base = context.account.apiUrl ? new URL(context.account.apiUrl) : null;
  const agent = base?.protocol === 'http:' ? new Agent() : undefined;
  const client = new TwitterApi(token, {
    plugins: [
      {
        // The library's prefix is fixed to https://api.x.com/2/; api_url redirects every request.
        onBeforeRequest({ computedParams, requestOptions }) {
          requestOptions.timeout = TIMEOUT_MS;
          if (!base) return;
          const url = computedParams.url;
          url.pathname = joinPath(base.pathname, url.pathname);
          url.protocol = base.protocol;
          url.host = base.host;
          if (agent) requestOptions.agent = agent;
        },
      },
    ],
  }).readOnly;
  const redact = envRedactor(context.env);

  const waitForReset = async (resetSeconds: number): Promise<boolean> => {
    const seconds = Math.max(0, Math.ceil(resetSeconds - context.now().getTime() / 1000) + 1);
    if (seconds > context.maxWaitSeconds) return false;
    for (let left = seconds; left > 0; left--) {
      context.progress(`${context.account.name}: X rate limit, resuming in ${left} s`);
      await context.sleep(1000);
    }
    return true;
  };

  const call = async <T>(what: string, request: () => Promise<T>): Promise<T> => {
    let failures = 0;
    let rateLimited = 0;
    for (;;) {
      try {
        return await request();
      } catch (error) {
        const fault = classify(error);
        if (fault.kind === 'rate-limit') {
          const reset = fault.reset ?? context.now().getTime() / 1000 + 60;
          if (++rateLimited <= MAX_RATE_LIMIT_WAITS && (await waitForReset(reset))) continue;
          throw new SourceError(
            `X's rate limit for ${what} resets at ${new Date(reset * 1000).toISOString()}, beyond --max-wait ${context.maxWaitSeconds} s: run again later (it resumes where it stopped)`,
          );
        }
        if (fault.kind === 'transient' && ++failures < MAX_ATTEMPTS) {
          const ms = 1000 * 2 ** (failures - 1);
          await context.sleep(ms + Math.floor(Math.random() * ms));
          continue;
        }
        const tries = fault.kind === 'transient' ? ` (tried ${failures} times)` : '';
        throw new SourceError(redact(`X failed on ${what}: ${fault.message}${tries}`));
      }
    }
  };

  return { v2: client.v2, call, waitForReset, redact };
}

type Fault = { kind: 'rate-limit'; reset: number | null } | { kind: 'transient' | 'fatal'; message: string };

/** Sorts twitter-api-v2's errors by their `type`: response, request (network), partial-response. */
function classify(error: unknown): Fault {
  const e = error as {
    type?: string;
    code?: number;
    data?: { title?: string; detail?: string; errors?: { message?: string; detail?: string }[] };
    rateLimit?: { reset?: number };
    headers?: Record<string, string | string[] | undefined>;
    requestError?: Error;
  };
  if (e?.type === 'response') {
    const code = e.code ?? 0;
    if (code === 429) {
      const header = Number(e.headers?.['x-rate-limit-reset']);
      const reset = e.rateLimit?.reset ?? (Number.isFinite(header) && header > 0 ? header : null);
      return { kind: 'rate-limit', reset: reset && Number.isFinite(reset) ? reset : null };
    }
    const detail = [
      e.data?.title,
      e.data?.detail ?? e.data?.errors?.[0]?.detail ?? e.data?.errors?.[0]?.message,
    ]
      .filter(Boolean)
      .join(': ');
    const said = detail ? ` (${detail})` : '';
    if (code >= 500) return { kind: 'transient', message: `HTTP ${code}${said}` };
    if (code === 401)
      return {
        kind: 'fatal',
        message: `HTTP 401, the bearer token was rejected: check X_BEARER_TOKEN${said}`,
      };
    if (code === 403)
      return {
        kind: 'fatal',
        message: `HTTP 403, access refused: the app may lack access to this endpoint${said}`,
      };
    return { kind: 'fatal', message: `HTTP ${code}${said}` };
  }
  if (e?.type === 'partial-response') {
    const closed = /abruptly closed|interrupted/.test(String((error as Error).message));
    return closed
      ? { kind: 'transient', message: 'the connection closed in the middle of an answer' }
      : { kind: 'fatal', message: 'the answer was malformed (not valid JSON)' };
  }
  if (e?.type === 'request') {
    return { kind: 'transient', message: `network error: ${e.requestError?.message ?? 'no answer'}` };
  }
  throw error;
}
