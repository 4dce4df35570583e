import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import type { AuditedAccount } from '../../src/config/types.js';
import { SourceError } from '../../src/errors.js';
import type { Platform } from '../../src/model.js';
import { type FileList, readListFile } from '../../src/sources/file.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/exports/', import.meta.url));

export function account(platform: Platform, handle = 'examplecitydsa'): AuditedAccount {
  return {
    name: `chapter-${platform}`,
    platform,
    handle,
    id: null,
    source: 'unused',
    apiUrl: null,
    allow: [],
    note: null,
    position: { file: 'policy/policy.yaml', line: 1, column: 1 },
  };
}

/** Reads a file (relative to test/fixtures/exports/, or absolute) as the account's source. */
export function readAs(platform: Platform, path: string, handle?: string): Promise<FileList> {
  return readListFile(FIXTURES, path, account(platform, handle));
}

/** The SourceError message reading fails with, or fails the test when it does not fail. */
export async function failureOf(platform: Platform, path: string): Promise<string> {
  try {
    await readAs(platform, path);
  } catch (error) {
    if (error instanceof SourceError) return error.message;
    throw error;
  }
  throw new Error(`${path} was read as a ${platform} list, but it should have failed`);
}

export const fixture = (path: string) => readFile(`${FIXTURES}${path}`);

/** A ZIP archive as the platforms write it: deflated members, a central directory at the end. */
export function zip(files: Record<string, string | Uint8Array>, modified?: Date): Buffer {
  // MS-DOS date and time fields (APPNOTE 4.4.6), or zero: "no time recorded".
  const dos = modified
    ? {
        time:
          (modified.getUTCHours() << 11) | (modified.getUTCMinutes() << 5) | (modified.getUTCSeconds() >> 1),
        date:
          ((modified.getUTCFullYear() - 1980) << 9) |
          ((modified.getUTCMonth() + 1) << 5) |
          modified.getUTCDate(),
      }
    : { time: 0, date: 0 };
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const fields = (b: Buffer, at: number) => {
      b.writeUInt16LE(20, at);
      b.writeUInt16LE(0x800, at + 2);
      b.writeUInt16LE(8, at + 4);
      b.writeUInt16LE(dos.time, at + 6);
      b.writeUInt16LE(dos.date, at + 8);
      b.writeUInt32LE(crc32(data), at + 10);
      b.writeUInt32LE(packed.length, at + 14);
      b.writeUInt32LE(data.length, at + 18);
      b.writeUInt16LE(nameBytes.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
