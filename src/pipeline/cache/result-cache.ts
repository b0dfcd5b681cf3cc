/**
 * The result cache (the performance guide's GASMCache): a response per instruction, keyed by the instruction's
 * text and the bridge's model/solver configuration, so that a different model, precision, attention, backend or
 * solver setting never shares entries. `memory`: an LRU map in this process. `disk`: the same LRU in front of an
 * on-disk store (disk-store.ts) keyed by sha256(configuration fingerprint, text), which outlives the process.
 *
 * Stored responses are deep-frozen; a hit returns a fresh top-level object with the stored poses and constraints
 * and its own timings (the lookup's time as preprocessing, nothing else), so a caller cannot alter the cache.
 */
import { createHash } from 'node:crypto';
import { ConfigError } from '../../errors.js';
import type { GasmResponse } from '../types.js';
import { DiskStore } from './disk-store.js';
import { LruMap } from './lru.js';

export type CacheMode = 'off' | 'memory' | 'disk';
export const CACHE_MODES: readonly CacheMode[] = ['off', 'memory', 'disk'];

/** Default entries kept in memory. */
export const DEFAULT_CACHE_ENTRIES = 10_000;
/** Default entries kept on disk. */
export const DEFAULT_DISK_ENTRIES = 100_000;

export interface CacheConfig {
  mode: CacheMode;
  /** Folder of the disk store (required for `disk`). */
  dir?: string;
  /** Entries kept in memory (default DEFAULT_CACHE_ENTRIES). */
  maxEntries?: number;
  /** Entries kept on disk (default DEFAULT_DISK_ENTRIES). */
  maxDiskEntries?: number;
}

/** Hit and miss counts since the bridge was created. */
export interface CacheStats {
  mode: CacheMode;
  hits: number;
  misses: number;
  /** hits / (hits + misses); 0 before any lookup. */
  hitRate: number;
  /** Entries in memory now. */
  entries: number;
  /** Entries dropped from memory (and from disk) to stay within bounds. */
  evictions: number;
  /** Hits served from the disk store (included in hits). */
  diskHits: number;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/**
 * A deep-frozen copy of plain data (objects, arrays, primitives: what a response holds), in one pass. Several
 * times faster than structuredClone + deepFreeze on a response, which matters on every cache miss.
 */
export function frozenCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = frozenCopy(value[i]);
    return Object.freeze(out) as T;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = frozenCopy((value as Record<string, unknown>)[key]);
  return Object.freeze(out) as T;
}

function fromCache(stored: GasmResponse, lookupMs: number): GasmResponse {
  return { ...stored, timings: { preprocessingMs: lookupMs, inferenceMs: 0, constraintSolvingMs: 0, postprocessingMs: 0 } };
}

/** Minimal shape check of a response read back from disk. */
function looksLikeResponse(value: unknown, text: string): value is GasmResponse {
  if (value === null || typeof value !== 'object') return false;
  const r = value as Partial<GasmResponse>;
  return r.instruction === text && typeof r.success === 'boolean' && Array.isArray(r.constraints) && r.targetPoses !== null && typeof r.targetPoses === 'object';
}

export class ResultCache {
  private readonly memory: LruMap<string, GasmResponse>;
  private readonly disk: DiskStore | undefined;
  private hits = 0;
  private misses = 0;
  private diskHits = 0;

  /** `fingerprint` identifies everything besides the text that a response depends on. */
  constructor(readonly config: CacheConfig, private readonly fingerprint: string) {
    if (config.mode === 'off') throw new ConfigError('a result cache needs mode memory or disk');
    if (!CACHE_MODES.includes(config.mode)) throw new ConfigError(`cache must be one of ${CACHE_MODES.join('|')}, got '${String(config.mode)}'`);
    this.memory = new LruMap(config.maxEntries ?? DEFAULT_CACHE_ENTRIES);
    if (config.mode === 'disk') {
      if (!config.dir) throw new ConfigError('cache mode disk needs a folder (--cache-dir)');
      this.disk = new DiskStore(config.dir, config.maxDiskEntries ?? DEFAULT_DISK_ENTRIES);
    }
  }

  /** The disk key of an instruction: sha256 over the fingerprint and the text. */
  diskKey(text: string): string {
    return createHash('sha256').update(this.fingerprint).update('\u0000').update(text).digest('hex');
  }

  /** The cached response for `text`, or undefined (a miss is counted). */
  get(text: string): GasmResponse | undefined {
    const t0 = performance.now();
    let stored = this.memory.get(text);
    if (stored === undefined && this.disk !== undefined) {
      const value = this.disk.get(this.diskKey(text));
      if (looksLikeResponse(value, text)) {
        stored = deepFreeze(value);
        this.memory.set(text, stored);
        this.diskHits++;
      }
    }
    if (stored === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return fromCache(stored, performance.now() - t0);
  }

  /** Stores a computed response (deep-frozen copy; never one that was stopped by a timeout or an internal error). */
  set(text: string, response: GasmResponse): void {
    if (!cacheable(response)) return;
    const stored = frozenCopy(response);
    this.memory.set(text, stored);
    this.disk?.set(this.diskKey(text), stored);
  }

  stats(): CacheStats {
    const lookups = this.hits + this.misses;
    return {
      mode: this.config.mode,
      hits: this.hits,
      misses: this.misses,
      hitRate: lookups === 0 ? 0 : this.hits / lookups,
      entries: this.memory.size,
      evictions: this.memory.evictions + (this.disk?.evictions ?? 0),
      diskHits: this.diskHits,
    };
  }
}

/** Responses that depend only on the text and the configuration: not timeouts, not internal errors. */
export function cacheable(response: GasmResponse): boolean {
  const error = response.error ?? '';
  return !error.startsWith('stopped after') && !error.startsWith('internal error');
}

/** Stats of a bridge without a cache. */
export function emptyCacheStats(): CacheStats {
  return { mode: 'off', hits: 0, misses: 0, hitRate: 0, entries: 0, evictions: 0, diskHits: 0 };
}
