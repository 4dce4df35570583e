import type { AuditedAccount } from '../../src/config/types.js';
import type { Platform } from '../../src/model.js';
import type { LiveContext } from '../../src/platforms/types.js';

export const NOW = new Date('2026-11-21T08:00:00Z');

export interface TestContext extends LiveContext {
  slept: number[];
  messages: string[];
}

/** A LiveContext whose clock stands still and whose sleep returns at once, recording the wait. */
export function liveContext(
  platform: Platform,
  handle: string,
  options: Partial<Omit<LiveContext, 'account'>> & { apiUrl: string; id?: string | null },
): TestContext {
  const { apiUrl, id, ...rest } = options;
  const account: AuditedAccount = {
    name: `chapter-${platform}`,
    platform,
    handle,
    id: id ?? null,
    source: 'api',
    apiUrl,
    allow: [],
    note: null,
    position: { file: 'policy/policy.yaml', line: 1, column: 1 },
  };
  const slept: number[] = [];
  const messages: string[] = [];
  return {
    account,
    env: {},
    fetch: globalThis.fetch,
    now: () => NOW,
    sleep: async (ms) => {
      slept.push(ms);
    },
    maxWaitSeconds: 900,
    maxCostUsd: 0,
    interactive: false,
    progress: (m) => messages.push(m),
    resume: undefined,
    ...rest,
    slept,
    messages,
  };
}

/** Unix seconds `seconds` after NOW, as the Bluesky and Twitch reset headers give it. */
export const unixAfter = (seconds: number) => String(NOW.getTime() / 1000 + seconds);

/** A context for an X account with a bearer token and a cost budget, as the X tests use it. */
export function xContext(apiUrl: string, overrides: Partial<Omit<LiveContext, 'account'>> = {}) {
  const context = liveContext('x', 'examplecitydsa', {
    apiUrl,
    env: { X_BEARER_TOKEN: 'sample-token-123' },
    now: () => new Date(),
    maxWaitSeconds: 0,
    maxCostUsd: 100,
    ...overrides,
  });
  return { context, slept: context.slept, progress: context.messages };
}
