/**
 * Temporary files in flight (atomic writes: temp file, fsync, rename). They are registered here while they
 * exist so that an interrupt handler in the CLI can remove them before the process exits.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

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

/**
 * Removes every temp file in flight, synchronously (safe inside a signal handler just before exit); then, in
 * each of `sweepDirs`, any temp file of this process (`.<name>.<pid>.<random>.tmp`) whose creation was still
 * under way when the list was read.
 */
export function removeTempFilesSync(sweepDirs: string[] = []): void {
  for (const path of inFlight) {
    try {
      rmSync(path, { force: true });
    } catch {
      // A file that cannot be removed now cannot be removed at all; nothing else is left to try.
    }
    inFlight.delete(path);
  }
  const mine = new RegExp(`^\\..+\\.${process.pid}\\.[a-z0-9]+\\.tmp$`);
  for (const dir of sweepDirs) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) if (mine.test(name)) rmSync(join(dir, name), { force: true });
  }
}
