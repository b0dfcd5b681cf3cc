/**
 * Paths built from untrusted data (category, suite, variant and run names read from a report) must stay inside
 * the folder they are meant for. Two fences: `safeFileStem` turns any text into a harmless file-name stem, and
 * `safeJoin` resolves a name against its folder and refuses anything that lands outside it.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';

/** Longest stem kept (file systems allow 255 bytes; room is left for prefixes, suffixes and extensions). */
export const MAX_STEM_LENGTH = 80;

/** Device names Windows reserves in any folder, with or without an extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A file-name stem from untrusted text: letters, digits, '.', '_' and '-' only; no leading dot (no hidden file,
 * no '..'); at most MAX_STEM_LENGTH characters; never empty. When the text had to change, a short hash of the
 * original is appended, so that two different names ("a/b" and "a-b") never give the same file.
 */
export function safeFileStem(text: string, fallback = 'unnamed'): string {
  const cleaned = text
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/[-.]*-[-.]*/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+/, '')
    .replace(/[.-]+$/, '');
  let stem = cleaned.slice(0, MAX_STEM_LENGTH);
  if (WINDOWS_RESERVED.test(stem.split('.')[0] ?? '')) stem = `_${stem}`;
  if (stem === text && stem.length > 0) return stem;
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
  return `${stem || fallback}-${hash}`;
}

/** A file name whose stem is made safe and whose extension (a fixed, trusted one such as '.png') is kept. */
export function safeFileName(stem: string, extension: string): string {
  return `${safeFileStem(stem)}${extension}`;
}

/** Whether `target` (resolved) lies inside `dir` (resolved), not equal to it. */
export function isInside(dir: string, target: string): boolean {
  const rel = relative(resolve(dir), resolve(target));
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * `dir` joined with `name` (as `path.join` gives it); InputError when the resolved result is not strictly
 * inside `dir` (an absolute name, '..' segments, an empty name). Use it for every path whose name comes from data.
 */
export function safeJoin(dir: string, name: string): string {
  if (name.length === 0 || name.includes('\0') || !isInside(dir, resolve(dir, name))) {
    throw new InputError(`refusing to write '${name}': the name leads outside the output folder ${dir}`);
  }
  return join(dir, name);
}
