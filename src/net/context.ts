/** What the HTTP layer may use; tests inject fetch, clock and sleep. */
export interface NetContext {
  /** What is being fetched (an account's list, the shared lists), for progress lines and messages. */
  account: { name: string };
  env: Readonly<Record<string, string | undefined>>;
  fetch: typeof globalThis.fetch;
  now(): Date;
  sleep(ms: number): Promise<void>;
  /** Longest wait on one rate limit before the list is reported incomplete. */
  maxWaitSeconds: number;
  progress(message: string): void;
}
