/**
 * Temporary files in flight (atomic writes: temp file, fsync, rename). They are registered here while they
 * exist so that an interrupt handler in the CLI can remove them before the process exits.
 */
import { rmSync } from 'node:fs';

const inFlight = new Set<string>();

/** Marks a temp file as in flight until `untrackTempFile`. */
export function trackTempFile(path: string): void {
  inFlight.add(path);
}

/** The temp file was renamed into place or removed. */
export function untrackTempFile(path: string): void {
  inFlight.delete(path);
}

/** Temp files now in flight (for tests and diagnostics). */
export function tempFilesInFlight(): string[] {
  return [...inFlight];
}

/** Removes every temp file in flight, synchronously (safe inside a signal handler just before exit). */
export function removeTempFilesSync(): void {
  for (const path of inFlight) {
    try {
      rmSync(path, { force: true });
    } catch {
      // A file that cannot be removed now cannot be removed at all; nothing else is left to try.
    }
    inFlight.delete(path);
  }
}
