/**
 * Seeded initialisation of the network's weights: a small deterministic PRNG (mulberry32, a 32-bit
 * counter-based generator by Tommy Ettinger) and Glorot-uniform matrices (Glorot & Bengio 2010,
 * limit √(6 / (fanIn + fanOut))). Same seed → bit-identical weights on every backend and machine.
 */

/** A uniform [0, 1) generator with 32-bit state. */
export interface Prng {
  next(): number;
}

/** mulberry32 seeded with `seed` (any integer; only its low 32 bits matter). */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  return {
    next(): number {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** `count` values uniform in [lo, hi). */
export function uniformArray(prng: Prng, count: number, lo: number, hi: number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = lo + (hi - lo) * prng.next();
  return out;
}

/** A fanIn × fanOut (row-major) Glorot-uniform matrix; `count` defaults to fanIn·fanOut (use more for stacks). */
export function glorotUniform(prng: Prng, fanIn: number, fanOut: number, count = fanIn * fanOut): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return uniformArray(prng, count, -limit, limit);
}
