/** Result types of the statistics module; the report stores them as they are. */

/** Descriptive statistics of one sample set (see src/stats). Units are those of the samples. */
export interface Summary {
  n: number;
  mean: number;
  median: number;
  stddev: number;
  /** Median absolute deviation, scaled by 1.4826 to estimate σ for normal data. */
  mad: number;
  /** Coefficient of variation, stddev / mean. */
  cv: number;
  min: number;
  max: number;
  p50: number;
  p90: number;
  p99: number;
  /** 95% bootstrap confidence interval of the mean, [lower, upper]. */
  ci95: [number, number];
  /** 95% bootstrap confidence interval of the median, [lower, upper]. */
  ci95Median: [number, number];
  /** Samples outside Tukey's fences (1.5 IQR mild, 3 IQR severe); counted, never dropped. */
  outliers: { low: number; high: number; severe: number };
}

export interface ComplexityFit {
  /** b in t = a · N^b (least squares on log-log). */
  exponent: number;
  coefficient: number;
  r2: number;
}

