/**
 * The result cache's on-disk store: one JSON file per entry in a folder, named by the entry's key (a sha256 in
 * hex, so names are safe whatever the instruction says), written atomically (temp file + rename), read with a
 * size bound from regular files only, bounded in entry count (the oldest files by modification time are removed
 * when it is exceeded). Synchronous: the bridge's batch call is synchronous.
 *
 * The folder is treated as untrusted: an entry that cannot be read or parsed, is not a regular file, is too large,
 * or does not belong to the key asked for is a miss (and is removed).
 */
import { closeSync, constants, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../errors.js';
import { tempPathFor } from '../../io/exclusive-create.js';
import { describeFsError } from '../../io/fs-errors.js';
import { trackTempFile, untrackTempFile } from '../../io/temp-files.js';

/** Largest entry file read back. */
export const MAX_ENTRY_BYTES = 1024 * 1024;
const KEY_PATTERN = /^[0-9a-f]{64}$/;
const ENTRY_SUFFIX = '.json';

/** One stored entry: the key it was written for and its value. */
interface StoredEntry {
  key: string;
  value: unknown;
}

export class DiskStore {
  private count: number;
  /** Entries removed to stay within maxEntries. */
  evictions = 0;
  /** Entries that could not be written (a full disk does not fail the instruction). */
  writeErrors = 0;

  constructor(readonly dir: string, readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new ConfigError(`cache max entries must be a positive integer, got ${maxEntries}`);
    try {
      mkdirSync(dir, { recursive: true });
      if (!statSync(dir).isDirectory()) throw new Error('not a folder');
      this.count = this.entryFiles().length;
    } catch (error) {
      throw new ConfigError(`cannot use cache folder ${dir}: ${describeFsError(error)}`);
    }
  }

  private entryFiles(): string[] {
    return readdirSync(this.dir).filter((name) => name.endsWith(ENTRY_SUFFIX) && KEY_PATTERN.test(name.slice(0, -ENTRY_SUFFIX.length)));
  }

  private pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new ConfigError(`cache key must be a sha256 in hex, got '${key.slice(0, 80)}'`);
    return join(this.dir, key + ENTRY_SUFFIX);
  }

  /** The stored value for `key`, or undefined (missing, unreadable, oversized, foreign or corrupt). */
  get(key: string): unknown {
    const path = this.pathOf(key);
    let fd: number;
    try {
      fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch {
      return undefined;
    }
    let text: string;
    try {
      const stats = fstatSync(fd);
      if (!stats.isFile() || stats.size > MAX_ENTRY_BYTES) return this.drop(path);
      const buffer = Buffer.allocUnsafe(stats.size);
      let read = 0;
      while (read < stats.size) {
        const n = readSync(fd, buffer, read, stats.size - read, null);
        if (n === 0) break;
        read += n;
      }
      text = buffer.subarray(0, read).toString('utf8');
    } catch {
      return undefined;
    } finally {
      closeSync(fd);
    }
    try {
      const entry = JSON.parse(text) as StoredEntry;
      if (entry === null || typeof entry !== 'object' || entry.key !== key) return this.drop(path);
      return entry.value;
    } catch {
      return this.drop(path);
    }
  }

  /** Stores `value` under `key` atomically; a failed write is counted, not thrown. */
  set(key: string, value: unknown): void {
    const path = this.pathOf(key);
    const tmp = tempPathFor(path);
    trackTempFile(tmp);
    try {
      let existed = false;
      try {
        existed = statSync(path).isFile();
      } catch {
        existed = false;
      }
      writeFileSync(tmp, JSON.stringify({ key, value } satisfies StoredEntry), { flag: 'wx' });
      renameSync(tmp, path);
      if (!existed) this.count++;
    } catch {
      this.writeErrors++;
      rmSync(tmp, { force: true });
    } finally {
      untrackTempFile(tmp);
    }
    if (this.count > this.maxEntries) this.evict();
  }

  /** Entries currently stored (as counted by this store). */
  get size(): number {
    return this.count;
  }

  private drop(path: string): undefined {
    try {
      if (statSync(path).isFile()) {
        rmSync(path, { force: true });
        this.count = Math.max(0, this.count - 1);
      }
    } catch {
      // already gone
    }
    return undefined;
  }

  /** Removes the oldest entries down to 90 % of maxEntries (amortised: not on every write). */
  private evict(): void {
    const files = this.entryFiles().map((name) => {
      const path = join(this.dir, name);
      try {
        return { path, time: statSync(path).mtimeMs };
      } catch {
        return { path, time: 0 };
      }
    });
    files.sort((a, b) => a.time - b.time);
    const keep = Math.floor(this.maxEntries * 0.9);
    for (let i = 0; i < files.length - keep; i++) {
      rmSync(files[i].path, { force: true });
      this.evictions++;
    }
    this.count = Math.min(files.length, keep);
  }
}
