/**
 * Reading files from untrusted paths without trusting them: only regular files are read (a folder, a device
 * such as /dev/zero, a FIFO or a socket is refused before any byte is read), and at most `limit + 1` bytes are
 * read, so that a huge or endless file costs at most the limit in memory.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { describeFsError } from './fs-errors.js';

/** What a file is, in words, for an error naming why it cannot be read. */
function kindOf(stats: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stats.isDirectory()) return 'it is a folder, not a file';
  if (stats.isFIFO()) return 'it is a pipe (FIFO), not a regular file';
  if (stats.isSocket()) return 'it is a socket, not a regular file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'it is a device, not a regular file';
  return 'it is not a regular file';
}

/** Thousands-separated byte count, for limits in messages. */
function bytes(n: number): string {
  return `${n.toLocaleString('en-US')} bytes`;
}

/**
 * Reads a whole regular file of at most `limit` bytes. `what` names the file's role in errors ("instruction
 * file", "report"). Throws InputError: missing, unreadable, not a regular file, or over the limit.
 */
export async function readBoundedFile(path: string, options: { limit: number; what: string }): Promise<Buffer> {
  const { limit, what } = options;
  let handle: FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever; regular files ignore it.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new InputError(`cannot read ${what} ${path}: ${describeFsError(error)}`, { cause: error });
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new InputError(`cannot read ${what} ${path}: ${kindOf(stats)}`);
    if (stats.size > limit) throw new InputError(`${what} ${path} is ${bytes(stats.size)}; the limit is ${bytes(limit)}`);
    // The size can change while reading (or be 0 for /proc files): read in chunks up to limit + 1 bytes.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(1 << 20, limit + 1 - total);
      if (want <= 0) break;
      const chunk = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(chunk, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > limit) throw new InputError(`${what} ${path} is larger than the limit of ${bytes(limit)}`);
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${what} ${path}: ${describeFsError(error)}`, { cause: error });
  } finally {
    await handle.close().catch(() => undefined);
  }
}
