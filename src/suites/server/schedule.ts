/**
 * A seeded Poisson arrival schedule: inter-arrival times are exponential with mean 1/rate (inverse-transform
 * sampling, t = −ln(1 − u) / rate, u uniform from mulberry32), as MLPerf LoadGen's Server scenario and k6's
 * arrival-rate executors draw them; each request's instruction is drawn uniformly from the run's instructions.
 * The schedule is fixed before the step starts: arrivals never depend on how fast the server answers (an open
 * loop), which is what lets latency be measured from the intended arrival.
 */
import { ConfigError } from '../../errors.js';
import { createRng } from '../../stats/rng.js';

export interface ArrivalSchedule {
  /** Offered rate, requests/s. */
  rate: number;
  /** Scheduled arrival of each request, ms after the step's start (ascending, first > 0). */
  offsetsMs: Float64Array;
  /** Index of each request's instruction in the run's instruction list. */
  instruction: Int32Array;
}

/** Seed of step `step` of a run seeded `seed` (steps differ, runs repeat). */
export function stepSeed(seed: number, step: number): number {
  return (seed + Math.imul(step + 1, 0x9e3779b9)) >>> 0;
}

/**
 * Arrivals at `rate` per second for at least `durationMs` and at least `minRequests` requests — but never past
 * `maxDurationMs` (at very low rates the request count gives way, so that a step stays short) — drawing
 * instructions from `instructionCount`.
 */
export function poissonSchedule(rate: number, durationMs: number, minRequests: number, instructionCount: number, seed: number, maxDurationMs = Infinity): ArrivalSchedule {
  if (!(rate > 0) || !Number.isFinite(rate)) throw new ConfigError(`arrival rate must be a positive number, got ${rate}`);
  if (!(instructionCount > 0)) throw new ConfigError('no instructions to serve');
  const rng = createRng(seed);
  const meanGapMs = 1000 / rate;
  const expected = Math.min(Math.max(minRequests, Math.ceil((durationMs / 1000) * rate)), Math.ceil((maxDurationMs / 1000) * rate) + 1);
  let offsets = new Float64Array(Math.ceil(expected * 1.2) + 16);
  let count = 0;
  let t = 0;
  for (;;) {
    t += -Math.log(1 - rng()) * meanGapMs;
    if ((t >= durationMs && count >= minRequests) || (t >= maxDurationMs && count > 0)) break;
    if (count === offsets.length) {
      const grown = new Float64Array(offsets.length * 2);
      grown.set(offsets);
      offsets = grown;
    }
    offsets[count++] = t;
  }
  const instruction = new Int32Array(count);
  for (let i = 0; i < count; i++) instruction[i] = Math.floor(rng() * instructionCount);
  return { rate, offsetsMs: offsets.slice(0, count), instruction };
}
