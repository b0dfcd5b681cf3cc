/**
 * Mann–Whitney U test (Mann & Whitney 1947; Wilcoxon rank-sum), two-sided, as in Google Benchmark's
 * compare.py. U counts pairs (aᵢ, bⱼ) with aᵢ > bⱼ, ties counting ½ (R's W statistic for `a`).
 * Without ties and with both samples of at most 20 values, the p-value is exact (the null distribution of U
 * counted by the recurrence of Mann & Whitney); otherwise it is the normal approximation with midranks, the
 * tie-corrected variance σ² = nₐn_b/12 · (N + 1 − Σ(t³ − t)/(N(N − 1))) and a continuity correction of ½.
 */
import { normalSurvival } from './normal.js';
import { assertFiniteSamples } from './validate.js';

/** Largest size of each sample for which the exact null distribution is used (when there are no ties). */
export const MANN_WHITNEY_EXACT_MAX = 20;

/** Result of the Mann–Whitney U test. */
export interface MannWhitneyResult {
  /** U statistic of `a`: #{aᵢ > bⱼ} + ½ #{aᵢ = bⱼ}. */
  u: number;
  /** Normal-approximation z score (tie- and continuity-corrected); positive when `a` tends to be larger. */
  z: number;
  /** Two-sided p-value, capped at 1. */
  pValue: number;
  /** Whether pValue comes from the exact null distribution or the normal approximation. */
  method: 'exact' | 'normal';
}

/** Number of arrangements of m a-values and n b-values with each value of U, for U = 0 … m·n. */
function exactCounts(m: number, n: number): Float64Array {
  // counts[j][u] for the current i (number of a-values), built up over i; f(i, j, u) = f(i−1, j, u − j) + f(i, j−1, u).
  const width = m * n + 1;
  let prev: Float64Array[] = [];
  for (let j = 0; j <= n; j++) {
    const row = new Float64Array(width);
    row[0] = 1;
    prev.push(row);
  }
  for (let i = 1; i <= m; i++) {
    const cur: Float64Array[] = [];
    for (let j = 0; j <= n; j++) {
      const row = new Float64Array(width);
      for (let u = 0; u <= i * j; u++) {
        const fromA = u >= j ? prev[j][u - j] : 0;
        const fromB = j > 0 ? cur[j - 1][u] : 0;
        row[u] = fromA + fromB;
      }
      cur.push(row);
    }
    prev = cur;
  }
  return prev[n];
}

/** Exact two-sided p-value: 2·min(P(U ≤ u), P(U ≥ u)), capped at 1. */
function exactPValue(u: number, m: number, n: number): number {
  const counts = exactCounts(m, n);
  let total = 0;
  let atMost = 0;
  let atLeast = 0;
  for (let k = 0; k < counts.length; k++) {
    total += counts[k];
    if (k <= u) atMost += counts[k];
    if (k >= u) atLeast += counts[k];
  }
  return Math.min(1, (2 * Math.min(atMost, atLeast)) / total);
}

/**
 * Two-sided Mann–Whitney U test of `a` against `b`. NaN fields (method 'normal') when either sample is empty.
 * Throws ConfigError naming the index of a non-finite value.
 */
export function mannWhitneyU(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  assertFiniteSamples(a, 'mannWhitneyU a');
  assertFiniteSamples(b, 'mannWhitneyU b');
  const m = a.length;
  const n = b.length;
  if (m === 0 || n === 0) return { u: NaN, z: NaN, pValue: NaN, method: 'normal' };
  const total = m + n;
  const order = new Int32Array(total);
  for (let i = 0; i < total; i++) order[i] = i;
  const value = (i: number): number => (i < m ? a[i] : b[i - m]);
  order.sort((i, j) => value(i) - value(j));
  let rankSumA = 0;
  let tieTerm = 0;
  for (let start = 0; start < total; ) {
    let end = start + 1;
    while (end < total && value(order[end]) === value(order[start])) end++;
    const t = end - start;
    const midrank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) if (order[k] < m) rankSumA += midrank;
    tieTerm += t * t * t - t;
    start = end;
  }
  const u = rankSumA - (m * (m + 1)) / 2;
  const meanU = (m * n) / 2;
  const varU = ((m * n) / 12) * (total + 1 - tieTerm / (total * (total - 1)));
  const deviation = u - meanU;
  const corrected = Math.max(0, Math.abs(deviation) - 0.5);
  const z = varU > 0 ? (Math.sign(deviation) * corrected) / Math.sqrt(varU) : 0;
  if (tieTerm === 0 && m <= MANN_WHITNEY_EXACT_MAX && n <= MANN_WHITNEY_EXACT_MAX) {
    return { u, z, pValue: exactPValue(u, m, n), method: 'exact' };
  }
  const pValue = varU > 0 ? Math.min(1, 2 * normalSurvival(Math.abs(z))) : 1;
  return { u, z, pValue, method: 'normal' };
}
