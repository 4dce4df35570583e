// The three things every resumable fetch must do with a saved cursor (docs/sources.md): continue it for
// the same account within a day, start over when it is older, and never continue another
// account's. Each platform's test file runs them against its own emulation.
import { expect, it } from 'vitest';
import type { LiveResult } from '../../src/platforms/types.js';
import type { TestContext } from './live.js';

export interface CursorCases {
  platform: string;
  fetch(context: TestContext): Promise<LiveResult>;
  /** A context for the audited account (`handle`, or the usual one), its emulation started. */
  setup(handle?: string): Promise<TestContext>;
  /** The cursor a fetch of `handle` saves when a rate limit stops it after its first page. */
  stoppedRun(handle: string): Promise<unknown>;
  /** The cursor parameter of each list request the emulation received since setup. */
  pages(): (string | null)[];
  owner: { handle: string; id: string; following: string[] };
  other: { handle: string; id: string };
}

export function cursorCases(c: CursorCases): void {
  const ids = (r: LiveResult) => r.list.following.map((f) => f.id);

  it('continues a cursor of the same account saved less than a day ago', async () => {
    const resume = await c.stoppedRun(c.owner.handle);
    expect(resume).toMatchObject({
      platform: c.platform,
      accountId: c.owner.id,
      savedAt: '2026-11-21T08:00:00.000Z',
    });
    const result = await c.fetch({ ...(await c.setup()), resume });
    expect(result.list.complete).toBe(true);
    expect(ids(result)).toEqual(c.owner.following);
    expect(c.pages()[0]).not.toBeNull();
  });

  it('starts over from a cursor more than a day old', async () => {
    const resume = await c.stoppedRun(c.owner.handle);
    const later = { ...(await c.setup()), resume, now: () => new Date('2027-01-21T08:00:00Z') };
    const result = await c.fetch(later);
    expect(result.list.complete).toBe(true);
    expect(result.list.notes.join(' ')).toContain('was not continued: it was saved 2026-11-21T08:00:00.000Z');
    expect(ids(result)).toEqual(c.owner.following);
    expect(c.pages()[0]).toBeNull();
  });

  it("never continues another account's cursor", async () => {
    const resume = await c.stoppedRun(c.other.handle);
    const result = await c.fetch({ ...(await c.setup()), resume });
    expect(result.list.complete).toBe(true);
    expect(ids(result)).toEqual(c.owner.following);
    expect(result.list.notes.join(' ')).toContain(
      `saved for another account (id ${c.other.id}), not this one (id ${c.owner.id})`,
    );
    expect(c.pages()[0]).toBeNull();
  });
}
