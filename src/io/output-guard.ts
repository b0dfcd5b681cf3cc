/**
 * An output must never replace an input: `gate --markdown X` or `export --out X` where X is the report being
 * read, or a stored baseline, would silently destroy it. Paths are compared after resolving symbolic links
 * (and by device and inode, so a hard link is caught too); an output inside an input folder is refused as well.
 */
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import { isInside } from './safe-path.js';

/** The real path of `path`: resolved through links when it exists, else its folder's real path plus its name. */
async function realOf(path: string): Promise<string> {
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
