/**
 * Sample quantiles by Hyndman & Fan (1996) definition 7 — the default of R's `quantile` and numpy's
 * `linear` method: with h = (n − 1)·q, Q(q) = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) on the sorted sample.
 * The median absolute deviation is scaled by 1.4826 (≈ 1/Φ⁻¹(3/4)) so that it estimates σ for normal
 * data (Iglewicz & Hoaglin 1993; Rousseeuw & Croux 1993). Empty input gives NaN.
 */
import { ConfigError } from '../errors.js';

/** Scale factor that makes the MAD a consistent estimator of σ under normality, 1/Φ⁻¹(0.75). */
export const MAD_NORMAL_SCALE = 1.4826;

function assertProbability(q: number): void {
  if (!(q >= 0 && q <= 1)) throw new ConfigError(`quantile probability must be in [0, 1], got ${q}`);
}

/** Copies `xs` into a Float64Array sorted ascending (numeric order). */
export function sortedCopy(xs: ArrayLike<number>): Float64Array {
  return Float64Array.from(xs).sort();
}

/**
 * Type-7 quantile of an already ascending-sorted sample; NaN when empty.
 * Throws ConfigError when q is outside [0, 1].
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  assertProbability(q);
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  const frac = h - lo;
  const a = sorted[lo];
  return frac === 0 ? a : a + frac * (sorted[lo + 1] - a);
}

/** Type-7 quantile of an unsorted sample (sorts a copy); NaN when empty. Throws ConfigError when q ∉ [0, 1]. */
export function quantile(xs: readonly number[], q: number): number {
  assertProbability(q);
  return quantileSorted(sortedCopy(xs), q);
}

/** Median (type 7: mean of the two middle values for even n); NaN when empty. */
export function median(xs: readonly number[]): number {
  return quantileSorted(sortedCopy(xs), 0.5);
}

/** Unscaled median of |x − center| over an ascending-sorted sample; NaN when empty. */
export function rawMadSorted(sorted: ArrayLike<number>, center: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const deviations = new Float64Array(n);
  for (let i = 0; i < n; i++) deviations[i] = Math.abs(sorted[i] - center);
  return quantileSorted(deviations.sort(), 0.5);
}

/** Median absolute deviation of an ascending-sorted sample, scaled by 1.4826; NaN when empty. */
export function medianAbsoluteDeviationSorted(sorted: ArrayLike<number>): number {
  return MAD_NORMAL_SCALE * rawMadSorted(sorted, quantileSorted(sorted, 0.5));
}

/** Median absolute deviation about the median, scaled by 1.4826; 0 for constant samples, NaN when empty. */
export function medianAbsoluteDeviation(xs: readonly number[]): number {
  return medianAbsoluteDeviationSorted(sortedCopy(xs));
}
