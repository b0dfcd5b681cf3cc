/**
 * File-system failures in words: an errno code (ENOENT, EEXIST, ENOSPC, …) becomes what a user can act on.
 * Only the message changes; callers keep the original error as `cause`.
 */

const WORDS: Readonly<Record<string, string>> = Object.freeze({
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EEXIST: 'it already exists',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files on the system',
  ELOOP: 'too many symbolic links (a link loop?)',
  ENAMETOOLONG: 'the name is too long',
  EBUSY: 'the file is busy',
  EIO: 'input/output error (a failing disk?)',
  EXDEV: 'it is on another file system',
  ENXIO: 'no reader or device at the other end',
  EFBIG: 'the file is too large for this file system',
});

/** A one-phrase reason for a thrown file-system error ("the disk is full"), else the error's own message. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && Object.hasOwn(WORDS, code)) return WORDS[code];
  return error instanceof Error ? error.message : String(error);
}

/** The errno code of a thrown value, when it has one. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
