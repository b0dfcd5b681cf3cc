/**
 * Latency distributions in HDR histograms (hdr-histogram-js, its pure-JS build: `useWebAssembly: false`, so it
 * runs the same on every Node without a wasm start-up), recorded in microseconds at 3 significant digits
 * (0.1 % resolution) with auto-resizing range, read out to p99.9.
 */
import * as hdr from 'hdr-histogram-js';
import { HISTOGRAM_DIGITS } from './constants.js';

export type Histogram = hdr.Histogram;

/** Percentiles of one distribution, ms. */
export interface LatencyPercentiles {
  count: number;
  mean: number;
  median: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
}

export function createHistogram(): Histogram {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 2, autoResize: true, numberOfSignificantValueDigits: HISTOGRAM_DIGITS, useWebAssembly: false });
}

/** Records a time in ms (at 1 µs resolution; negative clock noise is recorded as 0). */
export function recordMs(h: Histogram, ms: number): void {
  h.recordValue(Math.max(0, Math.round(ms * 1000)));
}

/** A histogram of the given times, ms. */
export function histogramOf(values: Iterable<number>): Histogram {
  const h = createHistogram();
  for (const v of values) recordMs(h, v);
  return h;
}

/**
 * Percentiles of `h` in ms (all zero when it is empty). HDR answers a percentile with the highest value
 * equivalent to it at the histogram's resolution, which can lie just above the largest recorded value; it is
 * capped there.
 */
export function percentilesOf(h: Histogram): LatencyPercentiles {
  const at = (p: number) => (h.totalCount === 0 ? 0 : Math.min(h.getValueAtPercentile(p), h.maxValue) / 1000);
  return {
    count: h.totalCount,
    mean: h.totalCount === 0 ? 0 : h.mean / 1000,
    median: at(50),
    p90: at(90),
    p99: at(99),
    p999: at(99.9),
    max: h.totalCount === 0 ? 0 : h.maxValue / 1000,
  };
}
