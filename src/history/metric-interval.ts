/**
 * The figure and 95% interval history stores for each metric of a run.
 *
 * - A quantile statistic (median, p90, p99) gets the distribution-free order-statistic interval
 *   [x₍l₎, x₍u₎] with P(l ≤ B ≤ u − 1) ≥ 95% for B ~ Binomial(n, q) (W. J. Conover, "Practical Nonparametric
 *   Statistics", 3rd ed., 1999, §3.2; the compare suite uses the same interval for medians). Its coverage holds
 *   for any continuous distribution and any n — a percentile bootstrap of a quantile under-covers with few runs —
 *   and it costs one sort, where a bootstrap of the medians of a default `bench throughput` report (four
 *   categories × hundreds of runs) took over 100 ms, twice the whole recording budget. When n is too small for
 *   a 95% interval of that quantile (under 6 samples for a median, 36 for a p90, 368 for a p99), the bounds are null.
 * - A mean gets the percentile bootstrap (src/stats/bootstrap.ts; fixed seed, so a report recorded twice gets
 *   the same interval): a resample's mean is a sum, cheap even for long samples.
 * - A metric whose samples are the calls or batches of runs (`runs`), two or more runs, gets the bootstrap the
 *   report's own intervals and the gate use, for any statistic: groups (forks) with replacement, then runs with
 *   replacement inside each drawn group, each drawn run's samples kept whole (runBootstrapReplicates in
 *   src/stats/cluster-bootstrap.ts; fixed seed). The order-statistic interval would treat the calls of one run as
 *   independent.
 * - Any other metric whose samples carry groups (forks of one sample per run), two or more of them, gets the
 *   two-stage cluster bootstrap the gate uses: groups with replacement, then samples inside each drawn group. The
 *   order-statistic interval would treat the runs of one fork as independent.
 *   A long sample gets fewer resamples (HISTORY_CLUSTER_DRAWS values drawn at most, never under
 *   HISTORY_MIN_CLUSTER_RESAMPLES), so that recording stays cheap.
 * - A rate gets its Wilson score interval.
 */
import { bootstrapReplicates, percentileInterval } from '../stats/bootstrap.js';
import { clusterBootstrapReplicates, quantileInPlace, runBootstrapReplicates, runCount, splitByGroup, splitByRun } from '../stats/cluster-bootstrap.js';
import { mean } from '../stats/descriptive.js';
import { wilsonInterval } from '../stats/proportions.js';
import { quantileSorted, sortedCopy } from '../stats/quantile.js';
import { createRng } from '../stats/rng.js';
import type { ReportMetric } from './report-metrics.js';

/** Bootstrap resamples of a mean's interval. */
export const HISTORY_RESAMPLES = 1000;
/** Seed of the mean's bootstrap. */
export const HISTORY_SEED = 0x4157;
/** Most values one grouped metric's bootstrap draws (resamples × samples). */
export const HISTORY_CLUSTER_DRAWS = 2_000_000;
/** Fewest resamples of a grouped metric's bootstrap. */
export const HISTORY_MIN_CLUSTER_RESAMPLES = 200;
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

/**
 * The order-statistic interval of the q-quantile of an ascending sample at `confidence`: the 1-based ranks
 * l = the largest rank with P(B ≤ l − 1) ≤ α/2 and u = the smallest with P(B ≤ u − 1) ≥ 1 − α/2, B ~ Bin(n, q),
 * so that P(l ≤ B ≤ u − 1) ≥ 1 − α. null when no such ranks exist within 1 … n (too few samples).
 * The binomial terms are summed in log space, so large n does not underflow.
 */
export function quantileInterval(sorted: ArrayLike<number>, q: number, confidence = HISTORY_CONFIDENCE): [number, number] | null {
  const n = sorted.length;
  if (n === 0 || !(q > 0 && q < 1)) return null;
  const tail = (1 - confidence) / 2;
  const logRatio = Math.log(q) - Math.log1p(-q);
  let logPmf = n * Math.log1p(-q); // log P(B = 0)
  let cdf = 0; // P(B ≤ k − 1) before step k
  let lower = 0;
  let upper = 0;
  for (let k = 1; k <= n; k++) {
    cdf += Math.exp(logPmf); // now P(B ≤ k − 1)
    if (cdf <= tail) lower = k;
    if (upper === 0 && cdf >= 1 - tail) upper = k;
    logPmf += Math.log(n - (k - 1)) - Math.log(k) + logRatio; // log P(B = k)
  }
  if (lower === 0 || upper === 0) return null;
  return [sorted[lower - 1], sorted[upper - 1]];
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** The statistic of a metric's samples with its interval (nulls when there is no finite sample). */
export function figureOf(metric: ReportMetric): MetricFigure {
  if (metric.kind === 'proportion') {
    if (metric.trials === 0) return { statistic: 'rate', value: null, lower: null, upper: null, n: 0 };
    const [lower, upper] = wilsonInterval(metric.successes, metric.trials, HISTORY_CONFIDENCE);
    return { statistic: 'rate', value: metric.successes / metric.trials, lower, upper, n: metric.trials };
  }
  const groups = metric.groups && metric.groups.length === metric.samples.length ? metric.groups : undefined;
  const runs = metric.runs && metric.runs.length === metric.samples.length ? metric.runs : undefined;
  const kept = metric.samples.map((_, i) => i).filter((i) => Number.isFinite(metric.samples[i]));
  const xs = kept.map((i) => metric.samples[i]);
  const statistic = metric.statistic;
  if (xs.length === 0) return { statistic, value: null, lower: null, upper: null, n: 0 };
  if (runs) {
    const processes = splitByRun(xs, kept.map((i) => runs[i]), groups ? kept.map((i) => groups[i]) : undefined);
    if (runCount(processes) >= 2) return clusteredFigure(statistic, xs, (fn, resamples, rng) => runBootstrapReplicates(processes, fn, resamples, rng));
  }
  if (groups) {
    const clusters = splitByGroup(xs, kept.map((i) => groups[i]));
    if (clusters.length >= 2) return clusteredFigure(statistic, xs, (fn, resamples, rng) => clusterBootstrapReplicates(clusters, fn, resamples, rng));
  }
  if (statistic === 'mean') {
    const value = mean(xs);
    if (xs.length === 1) return { statistic, value: finite(value), lower: finite(value), upper: finite(value), n: 1 };
    const replicates = bootstrapReplicates(xs, (b) => mean(b), value, HISTORY_RESAMPLES, createRng(HISTORY_SEED));
    const [lower, upper] = percentileInterval(replicates, HISTORY_CONFIDENCE);
    return { statistic, value: finite(value), lower: finite(lower), upper: finite(upper), n: xs.length };
  }
  const sorted = sortedCopy(xs);
  const value = quantileSorted(sorted, PROBABILITY[statistic]);
  const ci = quantileInterval(sorted, PROBABILITY[statistic]);
  return { statistic, value: finite(value), lower: ci ? finite(ci[0]) : null, upper: ci ? finite(ci[1]) : null, n: xs.length };
}

/** Draws `resamples` replicates of a statistic over a grouped sample (one of the schemes of cluster-bootstrap.ts). */
type Replicates = (statistic: (resample: number[]) => number, resamples: number, rng: () => number) => Float64Array;

/** Resamples of a grouped metric of `n` samples: fewer for long samples (see the header). */
export function clusterResamples(n: number): number {
  return Math.max(HISTORY_MIN_CLUSTER_RESAMPLES, Math.min(HISTORY_RESAMPLES, Math.floor(HISTORY_CLUSTER_DRAWS / n)));
}

/** The statistic of samples in groups or runs, with its bootstrap interval (see the header). */
function clusteredFigure(statistic: 'median' | 'mean' | 'p90' | 'p99', xs: number[], replicates: Replicates): MetricFigure {
  const fn = statistic === 'mean' ? (b: number[]) => mean(b) : (b: number[]) => quantileInPlace(b, PROBABILITY[statistic]);
  const value = fn([...xs]);
  const [lower, upper] = percentileInterval(replicates(fn, clusterResamples(xs.length), createRng(HISTORY_SEED)), HISTORY_CONFIDENCE);
  return { statistic, value: finite(value), lower: finite(lower), upper: finite(upper), n: xs.length };
}
