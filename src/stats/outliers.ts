/**
 * Outlier counting, never removal. Tukey (1977) fences on type-7 quartiles: mild beyond
 * Q1 − 1.5·IQR / Q3 + 1.5·IQR, severe beyond Q1 − 3·IQR / Q3 + 3·IQR. Modified z-scores of
 * Iglewicz & Hoaglin (1993): Mᵢ = 0.6745·(xᵢ − median) / MAD (unscaled MAD); |Mᵢ| > 3.5 suggests an outlier.
 */
import { quantileSorted, rawMadSorted, sortedCopy } from './quantile.js';

/** Multiple of the IQR beyond the quartiles for a mild outlier (Tukey's inner fence). */
export const TUKEY_MILD = 1.5;
/** Multiple of the IQR beyond the quartiles for a severe outlier (Tukey's outer fence). */
export const TUKEY_SEVERE = 3;
/** Φ⁻¹(0.75), which turns the unscaled MAD into a σ-consistent scale in the modified z-score. */
export const MODIFIED_Z_FACTOR = 0.6745;
/** When the MAD is 0, the mean absolute deviation times this factor (√(π/2)) stands in for σ (IBM SPSS convention). */
export const MEAN_AD_SCALE = 1.253314;

/** Outlier counts against Tukey's fences. */
export interface TukeyOutliers {
  /** Values below the inner lower fence (mild or severe). */
  low: number;
  /** Values above the inner upper fence (mild or severe). */
  high: number;
  /** Values beyond either outer fence (3·IQR); a subset of low + high. */
  severe: number;
  /** Q1 − 1.5·IQR. */
  lowerFence: number;
  /** Q3 + 1.5·IQR. */
  upperFence: number;
}

/** Tukey-fence counts for an ascending-sorted sample; zero counts and NaN fences when empty. */
export function tukeyOutliersSorted(sorted: ArrayLike<number>): TukeyOutliers {
  const n = sorted.length;
  if (n === 0) return { low: 0, high: 0, severe: 0, lowerFence: NaN, upperFence: NaN };
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  const iqr = q3 - q1;
  const lowerFence = q1 - TUKEY_MILD * iqr;
  const upperFence = q3 + TUKEY_MILD * iqr;
  const lowerSevere = q1 - TUKEY_SEVERE * iqr;
  const upperSevere = q3 + TUKEY_SEVERE * iqr;
  let low = 0;
  let high = 0;
  let severe = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i];
    if (x < lowerFence) low++;
    else if (x > upperFence) high++;
    if (x < lowerSevere || x > upperSevere) severe++;
  }
  return { low, high, severe, lowerFence, upperFence };
}

/** Tukey-fence counts (type-7 quartiles, 1.5 and 3 IQR); zero counts and NaN fences when empty. */
export function tukeyOutliers(xs: readonly number[]): TukeyOutliers {
  return tukeyOutliersSorted(sortedCopy(xs));
}

/**
 * Modified z-scores 0.6745·(x − median)/MAD, in input order. When the MAD is 0 (more than half the values
 * equal) it uses (x − median)/(1.253314·meanAD) instead; when that is 0 too (all values equal) every score
 * is 0. Empty input gives [].
 */
export function modifiedZScores(xs: readonly number[]): number[] {
  const n = xs.length;
  if (n === 0) return [];
  const sorted = sortedCopy(xs);
  const center = quantileSorted(sorted, 0.5);
  const mad = rawMadSorted(sorted, center);
  if (mad > 0) return xs.map((x) => (MODIFIED_Z_FACTOR * (x - center)) / mad);
  let absSum = 0;
  for (let i = 0; i < n; i++) absSum += Math.abs(xs[i] - center);
  const meanAd = absSum / n;
  if (meanAd === 0) return xs.map(() => 0);
  return xs.map((x) => (x - center) / (MEAN_AD_SCALE * meanAd));
}
