/**
 * Peak search: the highest arrival rate whose step is valid (p99 within the bound, nothing dropped, the
 * generator on time). Bracketing first — grow the rate by `growth` while steps are valid, or shrink it while they
 * are not — then bisection (geometric midpoints) until the bracket hi / lo is within 1 + tolerance. A step the
 * generator could not keep up with is measured again (`generatorRetries` times: a passing hiccup of a shared
 * machine); if it still is, the search ends — rates from there cannot be measured on this machine, and the peak
 * found so far is a lower bound.
 */
import { SEARCH_GENERATOR_RETRIES, SEARCH_MAX_RATE, SEARCH_MIN_RATE, SEARCH_MAX_SHRINKS, SEARCH_MAX_STEPS, SEARCH_TOLERANCE } from './constants.js';

/** What the search needs to know of a measured step. */
export interface SearchProbe {
  valid: boolean;
  generatorLimited: boolean;
  aborted: boolean;
}

export type SearchStop = 'converged' | 'generator-limited' | 'max-rate' | 'no-valid-rate' | 'max-steps' | 'aborted';

export interface SearchOutcome {
  /** Highest valid rate measured, or null. */
  peakRate: number | null;
  /** Lowest invalid rate above it, or null when none was found. */
  hiRate: number | null;
  stoppedBy: SearchStop;
  steps: number;
}

export interface SearchLimits {
  tolerance: number;
  maxSteps: number;
  maxShrinks: number;
  maxRate: number;
  /** Lowest rate offered: a search that would shrink below it has found no valid rate. */
  minRate: number;
  /** Times a generator-limited step is measured again before the search gives up. */
  generatorRetries: number;
}

export const DEFAULT_SEARCH_LIMITS: SearchLimits = {
  tolerance: SEARCH_TOLERANCE,
  maxSteps: SEARCH_MAX_STEPS,
  maxShrinks: SEARCH_MAX_SHRINKS,
  maxRate: SEARCH_MAX_RATE,
  minRate: SEARCH_MIN_RATE,
  generatorRetries: SEARCH_GENERATOR_RETRIES,
};

export async function searchPeak(
  measure: (rate: number) => Promise<SearchProbe>,
  start: number,
  growth: number,
  limits: SearchLimits = DEFAULT_SEARCH_LIMITS,
): Promise<SearchOutcome> {
  let lo: number | null = null;
  let hi: number | null = null;
  let steps = 0;
  let shrinks = 0;
  let retries = 0;
  const done = (stoppedBy: SearchStop): SearchOutcome => ({ peakRate: lo, hiRate: hi, stoppedBy, steps });
  /** Measures `rate`; returns a stop reason, or null to go on. */
  const probe = async (rate: number): Promise<SearchStop | null> => {
    let p: SearchProbe;
    do {
      if (steps >= limits.maxSteps) return 'max-steps';
      p = await measure(rate);
      steps++;
      if (p.aborted) return 'aborted';
    } while (p.generatorLimited && retries++ < limits.generatorRetries);
    if (p.generatorLimited) return 'generator-limited';
    if (p.valid) lo = lo === null ? rate : Math.max(lo, rate);
    else hi = hi === null ? rate : Math.min(hi, rate);
    return null;
  };
  let rate = Math.min(Math.max(start, limits.minRate), limits.maxRate);
  // Bracketing.
  for (;;) {
    const stop = await probe(rate);
    if (stop) return done(stop);
    if (lo !== null && hi !== null) break;
    if (lo !== null) {
      if (rate >= limits.maxRate) return done('max-rate');
      rate = Math.min(rate * growth, limits.maxRate);
    } else {
      if (++shrinks > limits.maxShrinks || rate / growth < limits.minRate) return done('no-valid-rate');
      rate /= growth;
    }
  }
  // Bisection.
  while ((hi as number) / (lo as number) > 1 + limits.tolerance) {
    const stop = await probe(Math.sqrt((lo as number) * (hi as number)));
    if (stop) return done(stop);
  }
  return done('converged');
}
