import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { IoError } from '../errors.js';

/**
 * Writes a file atomically: the data goes to a temporary file in the same folder, is flushed to disk,
 * and is renamed over the target. A reader (or a crash) never sees a half-written file.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined);
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new IoError(`cannot write ${path}: ${reason}`, { cause: error });
  }
}

/** Creates `dir` if needed and checks that files can be written in it, before any long work starts. */
export async function assertWritableDir(dir: string): Promise<void> {
  const probe = join(dir, `.gasm-write-check.${process.pid}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(probe, 'w');
    await handle.close();
    await rm(probe, { force: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new IoError(`cannot write to output folder ${dir}: ${reason}`, { cause: error });
  }
}
