/**
 * How precisely a sample pins its median, cheaply enough to ask after every few runs: the distribution-free
 * confidence interval of the median from order statistics (Conover, Practical Nonparametric Statistics, 3rd ed.,
 * §3.2: ranks n/2 ∓ z·√n/2 by the normal approximation to the binomial), as a width relative to the median.
 * The runner keeps adding runs while this is above a target, up to a time budget.
 */
import { quantileSorted, sortedCopy } from './quantile.js';

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * (x_(hi) − x_(lo)) / median for the 95% order-statistic interval of the median of `xs`; Infinity with fewer
 * than 6 values (no such interval exists below that) or a zero median.
 */
export function relativeMedianCiWidth(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 6) return Number.POSITIVE_INFINITY;
  const sorted = sortedCopy(xs);
  const half = (Z95 * Math.sqrt(n)) / 2;
  const lo = Math.max(0, Math.floor(n / 2 - half) - 1);
  const hi = Math.min(n - 1, Math.ceil(n / 2 + half) - 1);
  const median = quantileSorted(sorted, 0.5);
  if (median === 0) return Number.POSITIVE_INFINITY;
  return (sorted[hi] - sorted[lo]) / Math.abs(median);
}
