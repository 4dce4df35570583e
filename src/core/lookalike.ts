import type { Entry } from '../config/types.js';
import type { Platform } from '../model.js';
import type { LookAlike } from './findings.js';
import { handleSkeleton } from './identity.js';

/**
 * The allowlisted handles by what they look like, to tell a reader that a follow which matched
 * no entry only resembles one (`La\u212AesideDSA` with the Kelvin sign, `L\u0430keside` with a Cyrillic a). Built on the
 * first follow whose handle goes beyond ASCII: most audits never need it.
 */
export class LookAlikes {
  private bySkeleton: Map<string, LookAlike> | null = null;

  constructor(private readonly entries: readonly Entry[]) {}

  /** The entry on this platform whose handle `handle` looks like, if any. */
  of(platform: Platform, handle: string): LookAlike | undefined {
    const seen = handleSkeleton(handle);
    if (seen === null) return undefined;
    this.bySkeleton ??= this.index();
    return this.bySkeleton.get(`${platform} ${seen}`);
  }

  private index(): Map<string, LookAlike> {
    const index = new Map<string, LookAlike>();
    for (const entry of this.entries)
      for (const ref of entry.refs) {
        if (!ref.handle) continue;
        const key = `${ref.platform} ${handleSkeleton(ref.handle) ?? ref.handle.toLowerCase()}`;
        if (!index.has(key))
          index.set(key, { entry: entry.name, handle: ref.handle, file: entry.file, line: entry.line });
      }
    return index;
  }
}
