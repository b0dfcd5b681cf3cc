/**
 * The figure and 95% interval history stores for each metric of a run: the metric's statistic over its
 * samples with a percentile bootstrap interval (src/stats/bootstrap.ts; fixed seed, so a report recorded
 * twice gets the same interval), or a rate with its Wilson score interval.
 */
import { bootstrapReplicates, percentileInterval } from '../stats/bootstrap.js';
import { mean } from '../stats/descriptive.js';
import { wilsonInterval } from '../stats/proportions.js';
import { quantileSorted, sortedCopy } from '../stats/quantile.js';
import { createRng } from '../stats/rng.js';
import { selectInPlace } from '../stats/select.js';
import type { ReportMetric } from './report-metrics.js';

/** Bootstrap resamples per metric at record time: enough for a stable 95% interval, and fast (≈1 ms each). */
export const HISTORY_RESAMPLES = 1000;
/** Seed of the record-time bootstrap. */
export const HISTORY_SEED = 0x4157;
/** Confidence level of the stored intervals. */
export const HISTORY_CONFIDENCE = 0.95;

/** What is stored for one metric of one run. */
export interface MetricFigure {
  statistic: 'median' | 'mean' | 'p90' | 'p99' | 'rate';
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** Samples, or trials for a rate. */
  n: number;
}

const PROBABILITY = { median: 0.5, p90: 0.9, p99: 0.99 } as const;

/** Type-7 quantile of a buffer by selection (reorders it): the ⌊h⌋-th value, then the least value above it. */
function quantileInPlace(b: number[], q: number): number {
  const h = (b.length - 1) * q;
  const lo = Math.floor(h);
  const a = selectInPlace(b, lo);
  if (lo + 1 >= b.length || h === lo) return a;
  let next = Infinity;
  for (let i = lo + 1; i < b.length; i++) if (b[i] < next) next = b[i];
  return a + (h - lo) * (next - a);
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** The statistic of a metric's samples with its bootstrap interval (nulls when it has no finite sample). */
export function figureOf(metric: ReportMetric): MetricFigure {
  if (metric.kind === 'proportion') {
    if (metric.trials === 0) return { statistic: 'rate', value: null, lower: null, upper: null, n: 0 };
    const [lower, upper] = wilsonInterval(metric.successes, metric.trials, HISTORY_CONFIDENCE);
    return { statistic: 'rate', value: metric.successes / metric.trials, lower, upper, n: metric.trials };
  }
  const xs = metric.samples.filter((x) => Number.isFinite(x));
  const statistic = metric.statistic;
  if (xs.length === 0) return { statistic, value: null, lower: null, upper: null, n: 0 };
  const onBuffer = statistic === 'mean' ? (b: number[]) => mean(b) : (b: number[]) => quantileInPlace(b, PROBABILITY[statistic]);
  const value = statistic === 'mean' ? mean(xs) : quantileSorted(sortedCopy(xs), PROBABILITY[statistic]);
  if (xs.length === 1) return { statistic, value: finite(value), lower: finite(value), upper: finite(value), n: 1 };
  const replicates = bootstrapReplicates(xs, onBuffer, value, HISTORY_RESAMPLES, createRng(HISTORY_SEED));
  const [lower, upper] = percentileInterval(replicates, HISTORY_CONFIDENCE);
  return { statistic, value: finite(value), lower: finite(lower), upper: finite(upper), n: xs.length };
}
