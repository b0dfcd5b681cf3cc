/**
 * How precisely a sample pins its median, cheaply enough to ask after every few runs: the distribution-free
 * confidence interval of the median from order statistics (Conover, Practical Nonparametric Statistics, 3rd ed.,
 * §3.2), as a width relative to the median. The ranks are summary.ts's (medianOrderStatisticCI), so the runner
 * stops on the same interval the report prints for large samples.
 * The runner keeps adding runs while this is above a target, up to a time budget.
 */
import { quantileSorted, sortedCopy } from './quantile.js';
import { medianOrderStatisticCI, SUMMARY_CONFIDENCE } from './summary.js';

/**
 * (x_(k) − x_(j)) / median for the 95% order-statistic interval of the median of `xs` (ranks as in
 * medianOrderStatisticCI); Infinity with fewer than 6 values (no such interval exists below that) or a zero median.
 */
export function relativeMedianCiWidth(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 6) return Number.POSITIVE_INFINITY;
  const sorted = sortedCopy(xs);
  const [lo, hi] = medianOrderStatisticCI(sorted, SUMMARY_CONFIDENCE);
  const median = quantileSorted(sorted, 0.5);
  if (median === 0) return Number.POSITIVE_INFINITY;
  return (hi - lo) / Math.abs(median);
}
