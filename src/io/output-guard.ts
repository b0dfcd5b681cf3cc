/**
 * An output must never replace an input: `gate --markdown X` or `export --out X` where X is the report being
 * read, or a stored baseline, would silently destroy it. Paths are compared after resolving symbolic links
 * (and by device and inode, so a hard link is caught too); an output inside an input folder is refused as well.
 */
import { lstat, open, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import { isInside } from './safe-path.js';

/** The real path of `path`: resolved through links when it exists, else its folder's real path plus its name. */
export async function realOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const dir = await realpath(dirname(path)).catch(() => dirname(path));
    return join(dir, basename(path));
  }
}

async function identity(path: string): Promise<{ dev: number; ino: number; dir: boolean } | null> {
  return stat(path).then((s) => ({ dev: s.dev, ino: s.ino, dir: s.isDirectory() }), () => null);
}

/**
 * Throws InputError when `output` (given with `flag`) is one of `inputs` (files or folders, with what each is,
 * e.g. "the current report") or lies inside an input folder.
 */
export async function assertNotAnInput(flag: string, output: string, inputs: { path: string; what: string }[]): Promise<void> {
  const out = await realOf(output);
  const outId = await identity(output);
  for (const input of inputs) {
    const real = await realOf(input.path);
    const id = await identity(input.path);
    const same = out === real || (outId !== null && id !== null && outId.dev === id.dev && outId.ino === id.ino);
    if (same || (id?.dir && isInside(real, out))) {
      throw new InputError(`${flag} ${output} would overwrite ${input.what} (${input.path}); write the output somewhere else`);
    }
  }
}

/** What a non-regular file system entry is, in words. */
function kindOf(s: import('node:fs').Stats): string {
  if (s.isSymbolicLink()) return 'a symbolic link';
  if (s.isDirectory()) return 'a folder';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isFIFO()) return 'a named pipe';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * What stands at `path` when it is neither absent nor a regular file nor a folder ("a symbolic link", "a device",
 * …), else null: gasm writes through a temporary file renamed over the target, which would replace such an entry
 * rather than write through it.
 */
export async function nonRegularEntry(path: string): Promise<string | null> {
  const s = await lstat(path).catch(() => null);
  return s === null || s.isFile() || s.isDirectory() ? null : kindOf(s);
}

/** Throws InputError when `output` exists and is not a regular file (see nonRegularEntry; a folder too). */
export async function assertRegularTarget(flag: string, output: string): Promise<void> {
  const s = await lstat(output).catch(() => null);
  if (s === null || s.isFile()) return;
  throw new InputError(`${flag} ${output} is ${kindOf(s)}, not a regular file: gasm replaces its outputs whole (write to a file path)`);
}

/** First bytes of a SQLite database file. */
const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * For outputs that a user names freely (`export --out`, `gate --markdown`): throws InputError when `output` is not
 * a regular file (see assertRegularTarget), or is a file gasm must not replace with a side output: a SQLite
 * database (the history store) or a gasm report (a JSON object with a schemaVersion and suites).
 */
export async function assertReplaceable(flag: string, output: string): Promise<void> {
  await assertRegularTarget(flag, output);
  let head: string;
  try {
    const handle = await open(output, 'r');
    try {
      const buffer = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead).toString('latin1');
    } finally {
      await handle.close();
    }
  } catch {
    return;
  }
  if (head.startsWith(SQLITE_MAGIC)) throw new InputError(`${flag} ${output} is a database (the history store?): gasm will not replace it; write the output somewhere else`);
  if (/^\s*\{/.test(head) && /"schemaVersion"\s*:/.test(head) && /"suites"\s*:/.test(head)) {
    throw new InputError(`${flag} ${output} is a gasm report: gasm will not replace it with an export or a table; write the output somewhere else`);
  }
}
