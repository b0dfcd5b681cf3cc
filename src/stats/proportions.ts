/**
 * Confidence intervals for proportions. Single proportion: Wilson (1927) score interval. Difference of two
 * independent proportions: Newcombe (1998) hybrid score interval, method 10, which combines the two Wilson
 * intervals (Newcombe, Statistics in Medicine 17:873–890; worked example 56/70 vs 48/80 → 0.0524, 0.3339).
 */
import { ConfigError } from '../errors.js';
import { normalQuantile } from './normal.js';
import { assertConfidence } from './validate.js';

export { normalQuantile } from './normal.js';

/** Default confidence level of the intervals in this module. */
export const DEFAULT_PROPORTION_CONFIDENCE = 0.95;

function assertCounts(successes: number, n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${what}: trial count must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new ConfigError(`${what}: successes must be an integer in [0, ${n}], got ${successes}`);
  }
}

/**
 * Wilson score interval for successes/n at the given confidence (default 0.95); [NaN, NaN] when n is 0.
 * Throws ConfigError for counts that are not integers with 0 ≤ successes ≤ n, or confidence ∉ (0, 1).
 */
export function wilsonInterval(successes: number, n: number, confidence: number = DEFAULT_PROPORTION_CONFIDENCE): [number, number] {
  assertCounts(successes, n, 'wilsonInterval');
  assertConfidence(confidence);
  if (n === 0) return [NaN, NaN];
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = successes / n;
  const z2n = (z * z) / n;
  const center = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  // Exact bounds at the edges: the Wilson interval touches 0 (1) exactly when successes is 0 (n).
  const lower = successes === 0 ? 0 : Math.max(0, center - half);
  const upper = successes === n ? 1 : Math.min(1, center + half);
  return [lower, upper];
}

/**
 * Difference pB − pA of two independent proportions with Newcombe's hybrid score interval (default 95%).
 * NaN fields when either n is 0. Throws ConfigError for invalid counts or confidence.
 */
export function proportionDifferenceCI(
  successesA: number,
  nA: number,
  successesB: number,
  nB: number,
  confidence: number = DEFAULT_PROPORTION_CONFIDENCE,
): { estimate: number; lower: number; upper: number } {
  assertCounts(successesA, nA, 'proportionDifferenceCI (A)');
  assertCounts(successesB, nB, 'proportionDifferenceCI (B)');
  assertConfidence(confidence);
  if (nA === 0 || nB === 0) return { estimate: NaN, lower: NaN, upper: NaN };
  const pA = successesA / nA;
  const pB = successesB / nB;
  const [lA, uA] = wilsonInterval(successesA, nA, confidence);
  const [lB, uB] = wilsonInterval(successesB, nB, confidence);
  const estimate = pB - pA;
  const lower = estimate - Math.sqrt((pB - lB) ** 2 + (uA - pA) ** 2);
  const upper = estimate + Math.sqrt((uB - pB) ** 2 + (pA - lA) ** 2);
  return { estimate, lower, upper };
}
