/**
 * Creating a file that must not exist yet — a baseline, a report with a unique name — so that two writers at
 * once never silently replace each other's file. The content goes to a temp file first (flushed to disk), then
 * is hard-linked to the final name: link(2) fails with EEXIST when the name exists, and a reader never sees a
 * half-written file. Where the file system has no hard links, an O_EXCL create is used instead.
 */
import { link, mkdir, open, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { IoError } from '../errors.js';
import { describeFsError, errnoCode } from './fs-errors.js';
import { trackTempFile, untrackTempFile } from './temp-files.js';

/** Most numbered suffixes `createUnique` tries before giving up. */
export const MAX_UNIQUE_SUFFIX = 999;

/** A temp file's name beside `path`: hidden, with the pid and a random part, ending in .tmp. */
export function tempPathFor(path: string): string {
  const random = Math.random().toString(36).slice(2, 10);
  return join(dirname(path), `.${basename(path)}.${process.pid}.${random}.tmp`);
}

async function writeFlushed(path: string, data: string | Uint8Array, flags: string): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Creates `path` with `data` only if no file of that name exists. Returns false when it exists (nothing is
 * written); throws IoError on any other failure (with the reason in words).
 */
export async function createExclusive(path: string, data: string | Uint8Array): Promise<boolean> {
  const tmp = tempPathFor(path);
  trackTempFile(tmp);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFlushed(tmp, data, 'wx');
    try {
      await link(tmp, path);
      return true;
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw error;
    }
    // No hard links here: an exclusive create of the final name (a crash can leave it partly written).
    try {
      await writeFlushed(path, data, 'wx');
      return true;
    } catch (error) {
      if (errnoCode(error) === 'EEXIST') return false;
      throw error;
    }
  } catch (error) {
    throw new IoError(`cannot write ${path}: ${describeFsError(error)}`, { cause: error });
  } finally {
    await rm(tmp, { force: true }).catch(() => undefined);
    untrackTempFile(tmp);
  }
}

/**
 * Creates `<stem><extension>` in `dir`, or `<stem>-1<extension>`, `<stem>-2<extension>`, … when taken, and
 * returns the path created. Concurrent writers each get their own name.
 */
export async function createUnique(dir: string, stem: string, extension: string, data: string | Uint8Array): Promise<string> {
  for (let n = 0; n <= MAX_UNIQUE_SUFFIX; n++) {
    const path = join(dir, `${stem}${n === 0 ? '' : `-${n}`}${extension}`);
    if (await createExclusive(path, data)) return path;
  }
  throw new IoError(`cannot write ${join(dir, stem + extension)}: ${MAX_UNIQUE_SUFFIX + 1} files of that name already exist`);
}
