import type { AuditedAccount } from '../../src/config/types.js';
import type { LiveContext } from '../../src/platforms/types.js';

/** A LiveContext for an X account reached through api_url; sleeps are recorded, not slept. */
export function xContext(apiUrl: string, overrides: Partial<LiveContext> = {}) {
  const slept: number[] = [];
  const progress: string[] = [];
  const account: AuditedAccount = {
    name: 'chapter-x',
    platform: 'x',
    handle: 'examplecitydsa',
    id: null,
    source: 'api',
    apiUrl,
    allow: [],
    note: null,
    position: { file: 'policy/policy.yaml', line: 1, column: 1 },
  };
  const context: LiveContext = {
    account,
    env: { X_BEARER_TOKEN: 'sample-token-123' },
    fetch: globalThis.fetch,
    now: () => new Date(),
    sleep: async (ms) => {
      slept.push(ms);
    },
    maxWaitSeconds: 0,
    maxCostUsd: 100,
    interactive: false,
    progress: (m) => progress.push(m),
    resume: undefined,
    ...overrides,
  };
  return { context, slept, progress };
}
