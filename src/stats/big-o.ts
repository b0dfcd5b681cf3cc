/**
 * Asymptotic complexity by comparing candidate models, as Google Benchmark's `BigO` does
 * (benchmark/src/complexity.cc, `MinimalLeastSq` / `ComputeBigO`): for each candidate f(N) — O(1), O(log N),
 * O(N), O(N log N), O(N²), O(N³) — fit t ≈ c·f(N) by least squares through the origin
 * (c = Σ t·f / Σ f²), take the root-mean-square residual, normalised by the mean time, and pick the candidate
 * with the smallest. The normalised RMS says how well the best model fits (0.05 = 5% of the mean time).
 */
import { ConfigError } from '../errors.js';
import { assertFiniteSamples } from './validate.js';

/** A candidate model and its fit. */
export interface BigOCandidate {
  /** 'O(1)', 'O(log N)', 'O(N)', 'O(N log N)', 'O(N^2)', 'O(N^3)'. */
  name: string;
  /** c in t ≈ c·f(N). */
  coefficient: number;
  /** RMS of t − c·f(N) over the points, divided by the mean of t. */
  rms: number;
}

const MODELS: readonly { name: string; f: (n: number) => number }[] = [
  { name: 'O(1)', f: () => 1 },
  { name: 'O(log N)', f: (n) => Math.log2(n) },
  { name: 'O(N)', f: (n) => n },
  { name: 'O(N log N)', f: (n) => n * Math.log2(n) },
  { name: 'O(N^2)', f: (n) => n * n },
  { name: 'O(N^3)', f: (n) => n * n * n },
];

/**
 * Fits every candidate to (ns, ts) and returns them with the best first. Needs ≥ 2 points of equal-length
 * finite input, N ≥ 1 and at least two distinct N; otherwise throws ConfigError naming the problem.
 */
export function fitBigO(ns: readonly number[], ts: readonly number[]): { best: BigOCandidate; candidates: BigOCandidate[] } {
  if (ns.length !== ts.length) throw new ConfigError(`fitBigO: ${ns.length} sizes but ${ts.length} times`);
  if (ns.length < 2) throw new ConfigError(`fitBigO: needs at least 2 points, got ${ns.length}`);
  assertFiniteSamples(ns, 'fitBigO N');
  assertFiniteSamples(ts, 'fitBigO time');
  if (ns.some((n) => n < 1)) throw new ConfigError('fitBigO: sizes must be at least 1');
  if (new Set(ns).size < 2) throw new ConfigError('fitBigO: all sizes are equal; no growth to fit');
  const mean = ts.reduce((a, b) => a + b, 0) / ts.length;
  const candidates = MODELS.map(({ name, f }) => {
    let tf = 0;
    let ff = 0;
    for (let i = 0; i < ns.length; i++) {
      const x = f(ns[i]);
      tf += ts[i] * x;
      ff += x * x;
    }
    const coefficient = ff > 0 ? tf / ff : 0;
    let ss = 0;
    for (let i = 0; i < ns.length; i++) {
      const r = ts[i] - coefficient * f(ns[i]);
      ss += r * r;
    }
    const rms = Math.sqrt(ss / ns.length) / (mean !== 0 ? Math.abs(mean) : 1);
    return { name, coefficient, rms };
  });
  const sorted = [...candidates].sort((a, b) => a.rms - b.rms);
  return { best: sorted[0], candidates: sorted };
}
