import { SourceError } from '../errors.js';
import type { NetContext } from './context.js';
import { countdown, type ResetReader, retryAfter } from './rate-limit.js';
import { describeUrl, redactor, SECRET_VARS } from './redact.js';

export type ApiErrorKind = 'network' | 'status' | 'malformed' | 'rate-limit';

/** A request that failed for good. The message is safe to show: secrets are redacted. */
export class ApiError extends SourceError {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly kind: ApiErrorKind,
    readonly status: number | null = null,
    /** The parsed JSON error body, when there was one. */
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

export interface ClientOptions {
  /** The platform, as people write it. */
  label: string;
  headers?: Record<string, string>;
  /** Values that must never appear in a message (tokens from the environment). */
  secrets?: readonly (string | undefined)[];
  resetWait: ResetReader;
  timeoutMs?: number;
  /** Extra attempts after a network error or a 5xx answer. */
  retries?: number;
}

export interface JsonResponse {
  data: unknown;
  headers: Headers;
}

export interface ApiClient {
  getJson(url: string): Promise<JsonResponse>;
  /**
   * A file's bytes (a shared list): at most `maxBytes`, and redirects followed only to https
   * addresses, so that nobody on the way can hand over another file.
   */
  getFile(url: string, maxBytes: number): Promise<Uint8Array>;
  redact(text: string): string;
}

const RATE_LIMIT_WAITS = 10;
const DEFAULT_RATE_LIMIT_SECONDS = 60;
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

interface SendOptions {
  redirect?: RequestRedirect;
  maxBytes?: number;
}

export function createClient(context: NetContext, options: ClientOptions): ApiClient {
  const headers = { accept: 'application/json', ...options.headers };
  const authorization = Object.entries(headers).find(([k]) => k.toLowerCase() === 'authorization')?.[1];
  // Every credential of the environment, not only this API's: a proxy may echo any of them.
  const redact = redactor([
    ...SECRET_VARS.map((name) => context.env[name]),
    ...(options.secrets ?? []),
    authorization?.replace(/^\S+\s+/, ''),
  ]);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retries = options.retries ?? 3;
  const what = context.account.name;
  const { label } = options;

  async function attempt(url: string, redirect: RequestRedirect): Promise<Response> {
    try {
      return await context.fetch(url, { headers, redirect, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const reason =
        (error as Error).name === 'TimeoutError'
          ? `no answer within ${timeoutMs / 1000}s`
          : causeOf(error as Error);
      throw new ApiError(redact(reason), 'network');
    }
  }

  /** The first answer that is neither a rate limit to wait out nor a failure to retry, with its body. */
  async function send(url: string, where: string, init: SendOptions) {
    let failures = 0;
    let waits = 0;
    for (;;) {
      let response: Response;
      try {
        response = await attempt(url, init.redirect ?? 'follow');
      } catch (error) {
        if (failures++ < retries) {
          await backoff(context, failures);
          continue;
        }
        throw new ApiError(
          `${label} could not be reached at ${where} after ${failures} tries: ${(error as Error).message}`,
          'network',
        );
      }
      if (response.status === 429) {
        await response.body?.cancel();
        const now = context.now();
        const wait =
          retryAfter(response.headers, now) ??
          options.resetWait(response.headers, now) ??
          DEFAULT_RATE_LIMIT_SECONDS;
        if (wait > context.maxWaitSeconds || waits++ >= RATE_LIMIT_WAITS) {
          throw new ApiError(
            `${label} rate limit reached at ${where}; it lifts in ${Math.ceil(wait)}s, longer than --max-wait ${context.maxWaitSeconds}s: run again later to continue where this stopped`,
            'rate-limit',
            429,
          );
        }
        await countdown(context, wait, what);
        continue;
      }
      const bytes = await readBody(response, where, label, redact, init.maxBytes);
      if (response.status >= 500 && failures++ < retries) {
        await backoff(context, failures);
        continue;
      }
      return { response, bytes };
    }
  }

  function statusError(response: Response, where: string, text: string, data: unknown): ApiError {
    const detail = data === undefined ? text.slice(0, 200) : errorDetail(data);
    return new ApiError(
      redact(
        `${label} answered ${response.status} ${response.statusText} at ${where}${detail ? `: ${detail}` : ''}`,
      ),
      'status',
      response.status,
      data === undefined ? null : data,
    );
  }

  async function getJson(url: string): Promise<JsonResponse> {
    const where = describeUrl(url, redact);
    const { response, bytes } = await send(url, where, {});
    // Redacted whole, before anything below cuts it: a cut token would survive as a fragment.
    const text = redact(new TextDecoder().decode(bytes));
    const data = parseJson(text);
    if (!response.ok) throw statusError(response, where, text, data);
    if (data === undefined) {
      throw new ApiError(
        `${label} answered ${where} with malformed JSON (${text.length} bytes starting ${JSON.stringify(text.slice(0, 40))})`,
        'malformed',
        response.status,
      );
    }
    return { data, headers: response.headers };
  }

  async function getFile(url: string, maxBytes: number): Promise<Uint8Array> {
    let current = url;
    for (let hops = 0; ; hops++) {
      const where = describeUrl(current, redact);
      const { response, bytes } = await send(current, where, { redirect: 'manual', maxBytes });
      const location = REDIRECTS.has(response.status) ? response.headers.get('location') : null;
      if (location === null) {
        if (!response.ok)
          throw statusError(response, where, redact(new TextDecoder().decode(bytes)), undefined);
        return bytes;
      }
      const next = urlOf(location, current);
      if (!next || next.protocol !== 'https:')
        throw new ApiError(
          `${label} at ${where} redirects to ${next ? describeUrl(next.href, redact) : 'an address that is not a URL'}, which is not https: the file is taken only over https`,
          'status',
          response.status,
        );
      if (hops >= MAX_REDIRECTS)
        throw new ApiError(`${label} at ${where} redirected more than ${MAX_REDIRECTS} times`, 'status');
      current = next.href;
    }
  }

  return { getJson, getFile, redact };
}

function urlOf(location: string, base: string): URL | null {
  try {
    return new URL(location, base);
  } catch {
    return null;
  }
}

/** The whole body; over `maxBytes`, an error instead, without reading the rest. */
async function readBody(
  response: Response,
  where: string,
  label: string,
  redact: (t: string) => string,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<Uint8Array> {
  const tooLarge = () =>
    new ApiError(
      `${label} sent more than ${Math.round(maxBytes / 1048576)} MB from ${where}: this is not the file it should be`,
      'malformed',
      response.status,
    );
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  try {
    for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
      size += read.value.byteLength;
      if (size > maxBytes) {
        await reader?.cancel();
        break;
      }
      chunks.push(read.value);
    }
  } catch (error) {
    throw new ApiError(
      redact(`${label} broke off its answer from ${where}: ${causeOf(error as Error)}`),
      'network',
    );
  }
  if (size > maxBytes) throw tooLarge();
  return Buffer.concat(chunks);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The human part of the error bodies these APIs send ({error, message} or {error: {message}}). */
function errorDetail(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const b = body as { error?: unknown; message?: unknown; error_description?: unknown };
  const nested = typeof b.error === 'object' && b.error !== null ? (b.error as { message?: unknown }) : null;
  const parts = [
    nested?.message,
    typeof b.error === 'string' ? b.error : null,
    b.message,
    b.error_description,
  ];
  return [...new Set(parts.filter((p): p is string => typeof p === 'string' && p !== ''))]
    .join(': ')
    .slice(0, 300);
}

function causeOf(error: Error): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? error.message;
}

/** Exponential backoff with jitter, so that many clients do not retry in step: about 0.5s, 1s, 2s, … */
async function backoff(context: NetContext, failures: number): Promise<void> {
  const ms = 500 * 2 ** (failures - 1);
  await context.sleep(Math.round(ms * (0.5 + Math.random() / 2)));
}

/** An answer that is JSON but not of the documented shape. */
export function unexpectedShape(label: string, what: string): ApiError {
  return new ApiError(`${label} answered ${what} in an unexpected shape (not as documented)`, 'malformed');
}

/** `base` + `path` + query, where `base` may end in "/" and may have a path of its own (a proxy). */
/**
 * Appends an API path to the path of `api_url`, once: a base that already ends with the API's
 * prefix (…/2, …/helix, …/youtube/v3) is not given it twice.
 */
export function joinPath(basePath: string, path: string): string {
  const base = basePath.replace(/\/+$/, '');
  const parts = path.split('/').filter(Boolean);
  for (let n = parts.length - 1; n > 0; n--) {
    const prefix = `/${parts.slice(0, n).join('/')}`;
    if (base.endsWith(prefix)) return base.slice(0, -prefix.length) + path;
  }
  return base + path;
}

export function apiUrl(
  base: string,
  path: string,
  query: Record<string, string | string[] | null> = {},
): string {
  const root = new URL(base);
  const url = new URL(joinPath(root.pathname, path), root);
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : value === null ? [] : [value])
      url.searchParams.append(key, v);
  }
  return url.toString();
}
