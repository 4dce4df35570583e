// Reads members of a ZIP archive as the platforms hand it out (PKWARE APPNOTE: end of central
// directory, central directory, local headers; stored or deflated members; ZIP64 sizes).
import { crc32, inflateRawSync } from 'node:zlib';
import { SourceError } from '../errors.js';

export interface ZipMember {
  name: string;
  /** Its size unpacked, as the directory declares it. */
  size: number;
  /** When it was last changed, as the archive records it (read as UTC); null when it records none. */
  modified: Date | null;
  /** Unpacks it, refusing more than `maxBytes` (zip bombs). */
  read(maxBytes: number): Uint8Array;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && bytes[3] === bytes[2] + 1
  );
}

const damaged = (path: string, why: string) =>
  new SourceError(`${path} is a ZIP archive that is truncated or damaged (${why}): download it again`);

/** The archive's files (folders left out). */
export function listZip(bytes: Uint8Array, path: string): ZipMember[] {
  try {
    return readDirectory(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), path);
  } catch (error) {
    if (error instanceof RangeError) throw damaged(path, 'an entry points outside the file');
    throw error;
  }
}

function readDirectory(view: Buffer, path: string): ZipMember[] {
  const end = findEnd(view);
  if (end < 0) throw damaged(path, 'no central directory at its end');
  let count = view.readUInt16LE(end + 10);
  let offset = view.readUInt32LE(end + 16);
  if (
    (count === 0xffff || offset === 0xffffffff) &&
    end >= 20 &&
    view.readUInt32LE(end - 20) === ZIP64_LOCATOR
  ) {
    const at = Number(view.readBigUInt64LE(end - 12));
    if (at + 56 > view.length || view.readUInt32LE(at) !== ZIP64_EOCD)
      throw damaged(path, 'bad ZIP64 directory');
    count = Number(view.readBigUInt64LE(at + 32));
    offset = Number(view.readBigUInt64LE(at + 48));
  }
  const members: ZipMember[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > view.length || view.readUInt32LE(offset) !== CENTRAL)
      throw damaged(path, 'bad directory entry');
    const flags = view.readUInt16LE(offset + 8);
    const method = view.readUInt16LE(offset + 10);
    const crc = view.readUInt32LE(offset + 16);
    const modified = dosTime(view.readUInt16LE(offset + 14), view.readUInt16LE(offset + 12));
    const nameLength = view.readUInt16LE(offset + 28);
    const extraLength = view.readUInt16LE(offset + 30);
    const sizes = {
      packed: view.readUInt32LE(offset + 20),
      size: view.readUInt32LE(offset + 24),
      local: view.readUInt32LE(offset + 42),
    };
    const name = view.toString('utf8', offset + 46, offset + 46 + nameLength);
    readZip64Extra(view.subarray(offset + 46 + nameLength, offset + 46 + nameLength + extraLength), sizes);
    offset += 46 + nameLength + extraLength + view.readUInt16LE(offset + 32);
    if (name.endsWith('/')) continue;
    members.push({
      name,
      size: sizes.size,
      modified,
      read(maxBytes) {
        if (flags & 1)
          throw new SourceError(`${path}: ${name} is encrypted: download the archive without a password`);
        if (sizes.size > maxBytes) throw tooLarge(path, name, maxBytes);
        const at = sizes.local;
        if (at + 30 > view.length || view.readUInt32LE(at) !== LOCAL)
          throw damaged(path, `${name} is missing`);
        const start = at + 30 + view.readUInt16LE(at + 26) + view.readUInt16LE(at + 28);
        if (start + sizes.packed > view.length) throw damaged(path, `${name} is cut off`);
        const data = inflate(view.subarray(start, start + sizes.packed), method, maxBytes, path, name);
        if (data.length !== sizes.size || crc32(data) !== crc)
          throw damaged(path, `${name} fails its checksum`);
        return data;
      },
    });
  }
  return members;
}

/** An MS-DOS date and time (APPNOTE 4.4.6); the platforms' servers write them in UTC. */
function dosTime(date: number, time: number): Date | null {
  const [year, month, day] = [(date >> 9) + 1980, (date >> 5) & 15, date & 31];
  if (month < 1 || month > 12 || day < 1) return null;
  return new Date(Date.UTC(year, month - 1, day, time >> 11, (time >> 5) & 63, (time & 31) * 2));
}

function findEnd(view: Buffer): number {
  for (let i = view.length - 22; i >= 0 && i >= view.length - 22 - 0xffff; i--) {
    if (view.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

/** ZIP64 "extra field" 0x0001 holds whichever of the sizes and offset overflowed 32 bits. */
function readZip64Extra(extra: Buffer, sizes: { packed: number; size: number; local: number }): void {
  for (let i = 0; i + 4 <= extra.length; i += 4 + extra.readUInt16LE(i + 2)) {
    if (extra.readUInt16LE(i) !== 1) continue;
    let at = i + 4;
    const next = () => {
      const value = Number(extra.readBigUInt64LE(at));
      at += 8;
      return value;
    };
    if (sizes.size === 0xffffffff) sizes.size = next();
    if (sizes.packed === 0xffffffff) sizes.packed = next();
    if (sizes.local === 0xffffffff) sizes.local = next();
  }
}

function inflate(data: Buffer, method: number, maxBytes: number, path: string, name: string): Buffer {
  if (method === 0) return data;
  if (method !== 8)
    throw new SourceError(
      `${path}: ${name} uses compression method ${method}, which follow-audit cannot read`,
    );
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw tooLarge(path, name, maxBytes);
    throw new SourceError(
      `${path}: ${name} cannot be decompressed (${(error as Error).message}): download the archive again`,
    );
  }
}

const tooLarge = (path: string, name: string, maxBytes: number) =>
  new SourceError(
    `${path}: ${name} unpacks to more than ${Math.round(maxBytes / 1048576)} MB, over the limit for one source file`,
  );
