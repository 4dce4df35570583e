// Bluesky › Settings › Account › Export my data: repo.car, the account's repository as a CAR file
// of DAG-CBOR blocks (https://docs.bsky.app/blog/repo-export). Follows are the
// app.bsky.graph.follow records, whose `subject` is a DID (lexicons/app/bsky/graph/follow.json).
// @atcute/repo walks the repository tree from the signed commit and fails on a missing block.
import { SourceError } from '../../errors.js';
import type { Followed } from '../../model.js';
import { isRecord } from '../../util/record.js';
import type { ExportFile, ExportFormat } from '../types.js';

const NAME = 'Bluesky repo.car';
const FOLLOW = 'app.bsky.graph.follow';

/** A CARv1 header: a varint length, then a DAG-CBOR map { roots, version }. */
function looksLikeCar(bytes: Uint8Array): boolean {
  const start = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
  return (
    bytes[0] !== undefined &&
    bytes[0] > 0 &&
    bytes[0] < 0x80 &&
    start.includes('roots') &&
    start.includes('version')
  );
}

export const blueskyRepo: ExportFormat = {
  name: NAME,
  member: /(^|\/)[^/]*\.car$/i,
  detect: (file) => looksLikeCar(file.bytes),
  async parse(file) {
    const following: Followed[] = [];
    // Loaded here: most audits never read a CAR file, and the decoder costs start-up time.
    const { fromUint8Array } = await import('@atcute/repo');
    try {
      for (const entry of fromUint8Array(file.bytes)) {
        if (entry.collection !== FOLLOW) continue;
        const record = entry.record;
        const subject = isRecord(record) ? record.subject : null;
        if (typeof subject !== 'string' || !subject.startsWith('did:')) continue;
        const followedAt = isRecord(record) && typeof record.createdAt === 'string' ? record.createdAt : null;
        following.push({
          id: subject,
          handle: null,
          name: null,
          url: `https://bsky.app/profile/${subject}`,
          followedAt,
        });
      }
    } catch (error) {
      throw new SourceError(corruptMessage(file, error));
    }
    return {
      following,
      notes: following.length
        ? [
            "Bluesky exports give DIDs only: handles come from the tool's identity cache, or from `follow-audit resolve`",
          ]
        : [],
    };
  },
};

function corruptMessage(file: ExportFile, error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `${file.path} is ${NAME}, but it cannot be read to the end (${detail}): the download is truncated or damaged, export it again`;
}
