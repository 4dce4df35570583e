// Reading a file a user named. Only a regular file is read, and never past a size cap: /dev/zero
// would fill memory, a named pipe would wait forever for a writer, a socket cannot be read.
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { formatSize } from './file-kind.js';

/** A path that names something other than a regular file within the cap; the message says what. */
export class NotARegularFile extends Error {
  override name = 'NotARegularFile';
  constructor(
    message: string,
    /** Refused for its size, not its kind. */
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

/** The whole of a regular file of at most `maxBytes`; NotARegularFile otherwise, fs errors as they come. */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  refuseSpecial(await stat(path), maxBytes);
  // Non-blocking, so that a pipe put in the file's place after the check cannot hang the open.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = await handle.stat();
    refuseSpecial(info, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    // Read to the end, not to the size stat gave: the file may grow, or report 0 (/proc).
    for (;;) {
      const chunk = Buffer.allocUnsafe(
        Math.min(Math.max(info.size - total, 64 * 1024), maxBytes + 1 - total),
      );
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes)
        throw new NotARegularFile(`is larger than the ${formatSize(maxBytes)} limit for one file`, true);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

function refuseSpecial(info: Stats, maxBytes: number): void {
  if (info.isDirectory()) throw new NotARegularFile('is a folder: point at the file inside it');
  if (info.isFIFO())
    throw new NotARegularFile('is a named pipe, not a file: point at the file as it was saved');
  if (info.isSocket())
    throw new NotARegularFile('is a socket, not a file: point at the file as it was saved');
  if (info.isCharacterDevice() || info.isBlockDevice())
    throw new NotARegularFile('is a device, not a file: point at the file as it was saved');
  if (!info.isFile()) throw new NotARegularFile('is not a regular file: point at the file as it was saved');
  if (info.size > maxBytes)
    throw new NotARegularFile(
      `is ${formatSize(info.size)}, over the ${formatSize(maxBytes)} limit for one file`,
      true,
    );
}
