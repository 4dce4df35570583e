import { writeCarStream } from '@atcute/car';
import * as CBOR from '@atcute/cbor';
import * as CID from '@atcute/cid';

/**
 * A Bluesky repository export (repo.car) holding `records` ("collection/rkey" → value): a signed
 * commit (with a dummy signature) over a one-node Merkle Search Tree, written with @atcute/car.
 * `drop` leaves out the record block of that key, as a damaged export would.
 */
export async function repoCar(records: Record<string, object>, drop?: string): Promise<Uint8Array> {
  const blocks: { cid: Uint8Array; data: Uint8Array }[] = [];
  const put = async (value: unknown, keep = true) => {
    const data = CBOR.encode(value);
    const cid = await CID.create(0x71, data);
    if (keep) blocks.push({ cid: cid.bytes, data });
    return CID.toCidLink(cid);
  };
  const entries = [];
  let previous = '';
  for (const key of Object.keys(records).sort()) {
    const v = await put(records[key], key !== drop);
    let p = 0;
    while (p < previous.length && previous[p] === key[p]) p++;
    entries.push({ p, k: CBOR.toBytes(new TextEncoder().encode(key.slice(p))), v, t: null });
    previous = key;
  }
  const data = await put({ l: null, e: entries });
  const sig = CBOR.toBytes(new Uint8Array(64));
  const root = await put({
    version: 3,
    did: 'did:plc:examplecitydsa000000',
    data,
    rev: '3lexample222',
    sig,
    prev: null,
  });
  const chunks: Uint8Array[] = [];
  for await (const chunk of writeCarStream([root], blocks)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export const follow = (subject: string) => ({
  $type: 'app.bsky.graph.follow',
  subject,
  createdAt: '2025-01-02T03:04:05.000Z',
});
