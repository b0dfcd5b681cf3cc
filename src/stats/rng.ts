/**
 * Seeded pseudo-random numbers: mulberry32 (Tommy Ettinger, 2017), a 32-bit-state generator that passes
 * gjrand's tests at the sizes used here. Deterministic for a seed, so bootstrap intervals are reproducible.
 */

/** Returns a generator of uniform numbers in [0, 1); the seed is taken modulo 2³². */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
