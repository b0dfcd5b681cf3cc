/** Public API of the statistics module: pure functions over number[] (re-exports only). */
export type { ComplexityFit, Summary } from './types.js';
export { mean, variance, stddev, coefficientOfVariation } from './descriptive.js';
export { quantile, quantileSorted, median, medianAbsoluteDeviation, MAD_NORMAL_SCALE } from './quantile.js';
export { tukeyOutliers, modifiedZScores, type TukeyOutliers } from './outliers.js';
export { createRng } from './rng.js';
export {
  bootstrapCI,
  bootstrapRelativeChange,
  DEFAULT_CONFIDENCE,
  DEFAULT_RESAMPLES,
  DEFAULT_SEED,
  BOOTSTRAP_MAX_RESAMPLE_SIZE,
  type BootstrapOptions,
} from './bootstrap.js';
export { mannWhitneyU, type MannWhitneyResult } from './mann-whitney.js';
export { proportionDifferenceCI, wilsonInterval, normalQuantile } from './proportions.js';
export { normalCdf } from './normal.js';
export { fitPowerLaw } from './complexity.js';
export { summarize } from './summary.js';
