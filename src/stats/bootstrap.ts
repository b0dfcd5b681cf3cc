/**
 * Percentile bootstrap (Efron 1979; Efron & Tibshirani 1993, ch. 13): resample with replacement, compute
 * the statistic on each resample, and take the α/2 and 1 − α/2 type-7 quantiles of the replicates.
 * Deterministic for a seed (mulberry32, see rng.ts).
 *
 * Large samples: when n > BOOTSTRAP_MAX_RESAMPLE_SIZE (5000), each resample draws m = 5000 values (with
 * replacement, from the whole sample) instead of n — the m-out-of-n bootstrap (Bickel, Götze & van Zwet
 * 1997) — and each replicate θ*ₘ is rescaled to the spread of a size-n statistic as
 * θ̂ + √(m/n)·(θ*ₘ − θ̂). This is valid for √n-consistent statistics (mean, median, quantiles, standard
 * deviation) and keeps 2000 resamples of 100k samples at 10M draws. One buffer of length min(n, m) is
 * allocated per call and reused by every resample; medians use quickselect, not a sort.
 */
import { ConfigError } from '../errors.js';
import { mean } from './descriptive.js';
import { quantileSorted, sortedCopy } from './quantile.js';
import { createRng } from './rng.js';
import { medianInPlace } from './select.js';
import { assertConfidence, assertFiniteSamples } from './validate.js';

/** Default number of bootstrap resamples. */
export const DEFAULT_RESAMPLES = 2000;
/** Default seed of the bootstrap generator. */
export const DEFAULT_SEED = 0x5eed;
/** Default confidence level of bootstrap intervals. */
export const DEFAULT_CONFIDENCE = 0.95;
/** Largest resample size; larger samples use the rescaled m-out-of-n bootstrap described above. */
export const BOOTSTRAP_MAX_RESAMPLE_SIZE = 5000;

/** Options of the bootstrap functions; every field has a default. */
export interface BootstrapOptions {
  /** Confidence level in (0, 1); default 0.95. */
  confidence?: number;
  /** Number of resamples, a positive integer; default 2000. */
  resamples?: number;
  /** Seed of the mulberry32 generator; default 0x5eed. */
  seed?: number;
}

/** Bootstrap options with every default applied. */
export interface ResolvedBootstrapOptions {
  confidence: number;
  resamples: number;
  seed: number;
}

/** Applies defaults and checks the options; throws ConfigError for an invalid value. */
export function resolveBootstrapOptions(options: BootstrapOptions = {}): ResolvedBootstrapOptions {
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  assertConfidence(confidence);
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new ConfigError(`bootstrap resamples must be a positive integer, got ${resamples}`);
  }
  if (!Number.isFinite(seed)) throw new ConfigError(`bootstrap seed must be a finite number, got ${seed}`);
  return { confidence, resamples, seed };
}

/**
 * Bootstrap replicates of `statistic` over `xs` (non-empty): `resamples` values, rescaled by the m-out-of-n
 * rule when xs is longer than BOOTSTRAP_MAX_RESAMPLE_SIZE. `estimate` is the statistic on the full sample.
 * The statistic receives one reused buffer and may reorder it.
 */
export function bootstrapReplicates(
  xs: ArrayLike<number>,
  statistic: (resample: number[]) => number,
  estimate: number,
  resamples: number,
  rng: () => number,
): Float64Array {
  const n = xs.length;
  const m = Math.min(n, BOOTSTRAP_MAX_RESAMPLE_SIZE);
  const shrink = Math.sqrt(m / n);
  const buffer = new Array<number>(m).fill(0);
  const out = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < m; i++) buffer[i] = xs[Math.floor(rng() * n)];
    const value = statistic(buffer);
    out[r] = m === n ? value : estimate + shrink * (value - estimate);
  }
  return out;
}

/** The percentile interval [α/2, 1 − α/2] of replicates (sorts them in place). */
export function percentileInterval(replicates: Float64Array, confidence: number): [number, number] {
  replicates.sort();
  const alpha = 1 - confidence;
  return [quantileSorted(replicates, alpha / 2), quantileSorted(replicates, 1 - alpha / 2)];
}

/** Median of a resample buffer, reordering it (quickselect). */
export function resampleMedian(resample: number[]): number {
  return medianInPlace(resample, resample.length);
}

/**
 * Percentile-bootstrap confidence interval of `statistic` over `xs`. [NaN, NaN] for an empty sample;
 * [x, x] for a single value or a constant sample (for location statistics). Throws ConfigError naming the
 * index of a non-finite value, or for invalid options.
 */
export function bootstrapCI(
  xs: readonly number[],
  statistic: (xs: readonly number[]) => number,
  options?: BootstrapOptions,
): [number, number] {
  const { confidence, resamples, seed } = resolveBootstrapOptions(options);
  assertFiniteSamples(xs, 'bootstrapCI');
  if (xs.length === 0) return [NaN, NaN];
  const estimate = xs.length > BOOTSTRAP_MAX_RESAMPLE_SIZE ? statistic(xs) : NaN;
  const replicates = bootstrapReplicates(xs, statistic, estimate, resamples, createRng(seed));
  return percentileInterval(replicates, confidence);
}

/**
 * Relative change stat(current)/stat(baseline) − 1 of the mean (default) or median, with a percentile
 * bootstrap interval from resampling both samples independently (replicate ratios, same generator, baseline
 * first). Throws ConfigError for an empty or non-finite sample, a baseline statistic of 0, or invalid options.
 */
export function bootstrapRelativeChange(
  baseline: readonly number[],
  current: readonly number[],
  options: BootstrapOptions & { statistic?: 'mean' | 'median' } = {},
): { estimate: number; lower: number; upper: number } {
  const { confidence, resamples, seed } = resolveBootstrapOptions(options);
  const which = options.statistic ?? 'mean';
  if (which !== 'mean' && which !== 'median') throw new ConfigError(`bootstrapRelativeChange: unknown statistic '${String(which)}'`);
  for (const [xs, what] of [[baseline, 'baseline'], [current, 'current']] as const) {
    if (xs.length === 0) throw new ConfigError(`bootstrapRelativeChange: ${what} sample is empty`);
    assertFiniteSamples(xs, `bootstrapRelativeChange ${what}`);
  }
  const statistic = which === 'mean' ? mean : resampleMedian;
  const full = (xs: readonly number[]): number => (which === 'mean' ? mean(xs) : quantileSorted(sortedCopy(xs), 0.5));
  const base = full(baseline);
  const cur = full(current);
  if (base === 0) throw new ConfigError(`bootstrapRelativeChange: baseline ${which} is 0; a relative change is undefined`);
  const rng = createRng(seed);
  const baseReplicates = bootstrapReplicates(baseline, statistic, base, resamples, rng);
  const curReplicates = bootstrapReplicates(current, statistic, cur, resamples, rng);
  for (let r = 0; r < resamples; r++) curReplicates[r] = curReplicates[r] / baseReplicates[r] - 1;
  const [lower, upper] = percentileInterval(curReplicates, confidence);
  return { estimate: cur / base - 1, lower, upper };
}
