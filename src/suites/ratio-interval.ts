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

/**
 * median(num) / median(den) for paired units (num[i] and den[i] measured in the same repetition) and its 95%
 * interval by a paired percentile bootstrap: whole units resampled, both sides together, so what the pair shares
 * (the machine's state in that repetition) cancels as it does in the figure.
 */
export function pairedRatioOfMedians(num: readonly number[], den: readonly number[], confidence = 0.95): { value: number; ci95: [number, number] } {
  const n = Math.min(num.length, den.length);
  if (n === 0) return { value: Number.NaN, ci95: [Number.NaN, Number.NaN] };
  const value = quantileSorted(sortedCopy(num.slice(0, n)), 0.5) / quantileSorted(sortedCopy(den.slice(0, n)), 0.5);
  const rng = createRng(SEED);
  const a = new Array<number>(n);
  const b = new Array<number>(n);
  const replicates = new Float64Array(RESAMPLES);
  for (let r = 0; r < RESAMPLES; r++) {
    for (let i = 0; i < n; i++) {
      const k = Math.floor(rng() * n);
      a[i] = num[k];
      b[i] = den[k];
    }
    a.sort((x, y) => x - y);
    b.sort((x, y) => x - y);
    replicates[r] = quantileSorted(a, 0.5) / quantileSorted(b, 0.5);
  }
  return { value, ci95: percentileInterval(replicates, confidence) };
}
