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
  /** 95% percentile-bootstrap confidence interval of the mean, [lower, upper] (m-out-of-n above 5000 samples). */
  ci95: [number, number];
  /** 95% confidence interval of the median, [lower, upper]: percentile bootstrap up to 5000 samples, order-statistic (binomial) interval above. */
  ci95Median: [number, number];
  /** Samples outside Tukey's fences (1.5 IQR mild, 3 IQR severe); counted, never dropped. */
  outliers: { low: number; high: number; severe: number };
}

/** Power-law fit t = coefficient · N^exponent (see src/stats/complexity.ts). */
export interface ComplexityFit {
  /** b in t = a · N^b (least squares on log-log). */
  exponent: number;
  /** a in t = a · N^b. */
  coefficient: number;
  /** Coefficient of determination of the fit on the log-log scale. */
  r2: number;
}

