import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { InputError, IoError } from '../errors.js';
import { tempPathFor } from '../io/exclusive-create.js';
import { nonRegularEntry } from '../io/output-guard.js';
import { describeFsError, errnoCode } from '../io/fs-errors.js';
import { trackTempFile, untrackTempFile } from '../io/temp-files.js';

/**
 * Writes a file atomically: the data goes to a temporary file in the same folder, is flushed to disk,
 * and is renamed over the target (which must be a regular file or absent: IoError for a link, device or pipe). A reader (or a crash) never sees a half-written file. The temp file is
 * registered while it exists, so that an interrupt handler can remove it (src/io/temp-files.ts).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  // A rename over a device node, a pipe or a symbolic link would replace it rather than write through it.
  const entry = await nonRegularEntry(path);
  if (entry !== null) throw new IoError(`cannot write ${path}: it is ${entry}, not a regular file (gasm replaces its outputs whole)`);
  const tmp = tempPathFor(path);
  trackTempFile(tmp);
  try {
    await mkdir(dirname(path), { recursive: true });
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new IoError(`cannot write ${path}: ${errnoCode(error) === 'EISDIR' ? 'it is a folder, not a file' : await whyNotWritable(dirname(path), error)}`, { cause: error });
  } finally {
    untrackTempFile(tmp);
  }
}

/** The nearest existing ancestor of `dir` (itself included) when it is not a folder; null otherwise. */
async function fileInTheWay(dir: string): Promise<string | null> {
  let d = resolve(dir);
  for (;;) {
    const isDir = await stat(d).then((s) => s.isDirectory(), () => undefined);
    if (isDir !== undefined) return isDir ? null : d;
    const up = dirname(d);
    if (up === d) return null;
    d = up;
  }
}

/** Why `folder` (or a file in it) could not be written, in words: "it is a file, not a folder", "the disk is full". */
async function whyNotWritable(folder: string, error: unknown): Promise<string> {
  const code = errnoCode(error);
  if (code === 'EEXIST' || code === 'ENOTDIR') {
    const file = await fileInTheWay(folder);
    if (file) return file === resolve(folder) ? 'it is a file, not a folder' : `${file} is a file, not a folder`;
  }
  return describeFsError(error);
}

/**
 * Creates `dir` if needed and checks that files can be written in it, before any long work starts. A bad
 * output folder is bad usage (InputError, exit 2): it is caught before anything is measured or drawn.
 */
export async function assertWritableDir(dir: string): Promise<void> {
  const probe = join(dir, `.gasm-write-check.${process.pid}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(probe, 'w');
    await handle.close();
    await rm(probe, { force: true });
  } catch (error) {
    throw new InputError(`cannot write to output folder ${dir}: ${await whyNotWritable(dir, error)}`, { cause: error });
  }
}
