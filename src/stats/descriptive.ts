/**
 * Descriptive moments: arithmetic mean, sample variance with Bessel's correction (n − 1), standard
 * deviation and coefficient of variation. Variance uses the corrected two-pass algorithm
 * (Chan, Golub & LeVeque 1983), which is exact for constant samples and stable for large offsets.
 * Empty input gives NaN; non-finite values propagate.
 */

/** Arithmetic mean; NaN for an empty sample. */
export function mean(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i];
  return sum / n;
}

/** Sample variance (divisor n − 1); 0 for a single value, NaN for an empty sample. */
export function variance(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n === 0) return NaN;
  if (n === 1) return 0;
  const m = mean(xs);
  let squares = 0;
  let residual = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - m;
    squares += d * d;
    residual += d;
  }
  return Math.max(0, (squares - (residual * residual) / n) / (n - 1));
}

/** Sample standard deviation, √variance; 0 for a single value, NaN for an empty sample. */
export function stddev(xs: ArrayLike<number>): number {
  return Math.sqrt(variance(xs));
}

/** Coefficient of variation, stddev / mean; 0 when the mean is 0, NaN for an empty sample. */
export function coefficientOfVariation(xs: ArrayLike<number>): number {
  const m = mean(xs);
  if (Number.isNaN(m)) return NaN;
  if (m === 0) return 0;
  return stddev(xs) / m;
}
