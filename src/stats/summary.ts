/**
 * One-call description of a sample set, as stored in reports: moments, type-7 quantiles, scaled MAD,
 * Tukey outlier counts and 95% confidence intervals of the mean and the median.
 *
 * The sample is copied and sorted once; min/max, quantiles, MAD and fences all read that copy.
 * Intervals: ci95 is the percentile bootstrap of the mean (rescaled m-out-of-n above 5000 samples, see
 * bootstrap.ts). ci95Median is the percentile bootstrap of the median up to 5000 samples; above that it is
 * the distribution-free order-statistic interval [x₍ⱼ₎, x₍ₖ₎] with j = ⌊n/2 − z√n/2⌋, k = ⌈n/2 + 1 + z√n/2⌉
 * (1-based, clamped; normal approximation to Binomial(n, ½), Conover 1999 §3.2), which is exact in
 * coverage to O(1/√n) and costs nothing once the sample is sorted.
 */
import { ConfigError } from '../errors.js';
import {
  BOOTSTRAP_MAX_RESAMPLE_SIZE,
  bootstrapReplicates,
  percentileInterval,
  resampleMedian,
  resolveBootstrapOptions,
  type BootstrapOptions,
} from './bootstrap.js';
import { mean, stddev } from './descriptive.js';
import { normalQuantile } from './normal.js';
import { tukeyOutliersSorted } from './outliers.js';
import { medianAbsoluteDeviationSorted, quantileSorted, sortedCopy } from './quantile.js';
import { createRng } from './rng.js';
import type { Summary } from './types.js';
import { assertFiniteSamples } from './validate.js';

/** Confidence level of Summary.ci95 and Summary.ci95Median unless options.confidence overrides it. */
export const SUMMARY_CONFIDENCE = 0.95;

/**
 * Order-statistic confidence interval for the median of an ascending-sorted sample (see the header).
 */
export function medianOrderStatisticCI(sorted: ArrayLike<number>, confidence: number): [number, number] {
  const n = sorted.length;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const halfWidth = (z * Math.sqrt(n)) / 2;
  const j = Math.max(1, Math.floor(n / 2 - halfWidth));
  const k = Math.min(n, Math.ceil(n / 2 + 1 + halfWidth));
  return [sorted[j - 1], sorted[k - 1]];
}

/**
 * Summary of `xs` with every field of Summary. Bootstrap options (confidence, resamples, seed) apply to both
 * intervals; the defaults give 95% intervals from 2000 resamples with seed 0x5eed. Throws ConfigError for an
 * empty sample, a non-finite value (naming its index), or invalid options.
 */
export function summarize(xs: readonly number[], options?: BootstrapOptions): Summary {
  const { confidence, resamples, seed } = resolveBootstrapOptions({ confidence: SUMMARY_CONFIDENCE, ...options });
  if (xs.length === 0) throw new ConfigError('summarize: no samples (empty input)');
  assertFiniteSamples(xs, 'summarize');
  const n = xs.length;
  const sorted = sortedCopy(xs);
  const m = mean(sorted);
  const sd = stddev(sorted);
  const med = quantileSorted(sorted, 0.5);
  const outliers = tukeyOutliersSorted(sorted);
  const ci95 = percentileInterval(bootstrapReplicates(sorted, mean, m, resamples, createRng(seed)), confidence);
  const ci95Median =
    n > BOOTSTRAP_MAX_RESAMPLE_SIZE
      ? medianOrderStatisticCI(sorted, confidence)
      : percentileInterval(bootstrapReplicates(sorted, resampleMedian, med, resamples, createRng(seed)), confidence);
  return {
    n,
    mean: m,
    median: med,
    stddev: sd,
    mad: medianAbsoluteDeviationSorted(sorted),
    cv: m === 0 ? 0 : sd / m,
    min: sorted[0],
    max: sorted[n - 1],
    p50: med,
    p90: quantileSorted(sorted, 0.9),
    p99: quantileSorted(sorted, 0.99),
    ci95,
    ci95Median,
    outliers: { low: outliers.low, high: outliers.high, severe: outliers.severe },
  };
}
