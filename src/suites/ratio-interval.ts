/**
 * Interval of a ratio of two medians (a speedup, a batching gain) by a percentile bootstrap over the
 * independent units of each side (runs or repetitions), each side resampled on its own.
 */
import { percentileInterval } from '../stats/bootstrap.js';
import { quantileSorted, sortedCopy } from '../stats/quantile.js';
import { createRng } from '../stats/rng.js';

const RESAMPLES = 2000;
const SEED = 0x5eed;

function resampledMedian(xs: readonly number[], rng: () => number, buffer: number[]): number {
  for (let i = 0; i < xs.length; i++) buffer[i] = xs[Math.floor(rng() * xs.length)];
  buffer.sort((a, b) => a - b);
  return quantileSorted(buffer, 0.5);
}

/** median(num) / median(den) and its 95% interval; [NaN, NaN] with an empty side. */
export function ratioOfMedians(num: readonly number[], den: readonly number[], confidence = 0.95): { value: number; ci95: [number, number] } {
  if (num.length === 0 || den.length === 0) return { value: Number.NaN, ci95: [Number.NaN, Number.NaN] };
  const value = quantileSorted(sortedCopy(num), 0.5) / quantileSorted(sortedCopy(den), 0.5);
  const rng = createRng(SEED);
  const a = new Array<number>(num.length);
  const b = new Array<number>(den.length);
  const replicates = new Float64Array(RESAMPLES);
  for (let r = 0; r < RESAMPLES; r++) replicates[r] = resampledMedian(num, rng, a) / resampledMedian(den, rng, b);
  return { value, ci95: percentileInterval(replicates, confidence) };
}

/** Median of paired per-unit ratios (num[i] / den[i]) and the 95% bootstrap interval of that median. */
export function medianOfRatios(ratios: readonly number[], confidence = 0.95): { value: number; ci95: [number, number] } {
  if (ratios.length === 0) return { value: Number.NaN, ci95: [Number.NaN, Number.NaN] };
  const value = quantileSorted(sortedCopy(ratios), 0.5);
  const rng = createRng(SEED);
  const a = new Array<number>(ratios.length);
  const replicates = new Float64Array(RESAMPLES);
  for (let r = 0; r < RESAMPLES; r++) replicates[r] = resampledMedian(ratios, rng, a);
  return { value, ci95: percentileInterval(replicates, confidence) };
}
