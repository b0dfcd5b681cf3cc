/**
 * Access to V8's garbage collector for memory measurements. Uses global.gc when node ran with --expose-gc;
 * otherwise turns the flag on at run time and fetches gc from a fresh context (a documented V8 technique).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let cached: (() => void) | null | undefined;

/** A function that runs a full GC, or null where none can be had. */
export function getGc(): (() => void) | null {
  if (cached !== undefined) return cached;
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return (cached = existing);
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    cached = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    cached = null;
  }
  return cached;
}

/** Runs GC twice (weak references and finalizers settle after the second pass). */
export function collectGarbage(): boolean {
  const gc = getGc();
  if (!gc) return false;
  gc();
  gc();
  return true;
}
