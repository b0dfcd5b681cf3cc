/**
 * Definitions of the metrics the gate compares: a sample set compared through a statistic, or a rate of
 * successes. Direction (higher or lower is better) is part of each definition. extract.ts reads them from a
 * report; pool.ts merges several baselines.
 */

/** Which way is better. */
export type Direction = 'higher' | 'lower';
/** The statistic a sample metric is compared through. */
export type Statistic = 'median' | 'mean' | 'p99';

/** A timing-like metric: samples compared through a statistic. */
export interface SampleMetric {
  kind: 'samples';
  id: string;
  label: string;
  unit: string;
  direction: Direction;
  statistic: Statistic;
  samples: number[];
  /** Changes smaller than this in absolute value (in `unit`) are never regressions (memory noise floor). */
  absoluteFloor?: number;
}

/** A rate: successes out of trials, compared as a difference of proportions. */
export interface ProportionMetric {
  kind: 'proportion';
  id: string;
  label: string;
  unit: string;
  direction: 'higher';
  successes: number;
  trials: number;
}

/** Any metric. */
export type Metric = SampleMetric | ProportionMetric;

/** Retained heap changes under 1 KiB per instruction are within GC noise and never fail the gate. */
export const MEMORY_FLOOR_BYTES = 1024;
