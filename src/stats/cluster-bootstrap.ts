/**
 * Two-stage (cluster) bootstrap for nested samples: runs measured inside forks. Runs of one fork share its JIT
 * state, heap layout and wasm memory placement, so they are not independent of one another; the forks are.
 * Resampling runs alone treats the fork-to-fork spread as if it did not exist (here: medians of fresh isolates
 * of the same build differ by 4–5 %, while the interval over one fork's runs is ±1 %), which is how a gate
 * cries wolf. Each replicate therefore draws forks with replacement, then runs with replacement inside each
 * drawn fork (Davison & Hinkley 1997, §3.8: resampling at both stages), and computes the statistic on the pooled
 * draw. With one fork it is the ordinary bootstrap over runs.
 */
import { percentileInterval, resolveBootstrapOptions } from './bootstrap.js';
import { createRng } from './rng.js';
import { selectInPlace } from './select.js';

export interface Clustered {
  /** Sample values. */
  values: ArrayLike<number>;
  /** The cluster (fork) of each value, same length; any integers. */
  groups: ArrayLike<number>;
}

/** The values split by cluster, in the order clusters first appear. */
export function splitByGroup(values: ArrayLike<number>, groups: ArrayLike<number>): number[][] {
  if (values.length !== groups.length) throw new RangeError(`${values.length} values but ${groups.length} group labels`);
  const byGroup = new Map<number, number[]>();
  for (let i = 0; i < values.length; i++) {
    let g = byGroup.get(groups[i]);
    if (!g) byGroup.set(groups[i], (g = []));
    g.push(values[i]);
  }
  return [...byGroup.values()];
}

/**
 * `resamples` replicates of `statistic` over two-stage resamples of the clusters. The statistic receives the
 * pooled draw and may reorder it.
 */
export function clusterBootstrapReplicates(
  clusters: readonly (readonly number[])[],
  statistic: (resample: number[]) => number,
  resamples: number,
  rng: () => number,
): Float64Array {
  const out = new Float64Array(resamples);
  const k = clusters.length;
  for (let r = 0; r < resamples; r++) {
    // Each drawn fork contributes as many runs as it holds, so a replicate weighs runs as the point estimate does
    // (a fork with few calm runs counts for few runs, not for an average fork).
    const draw: number[] = [];
    for (let j = 0; j < k; j++) {
      const c = clusters[Math.floor(rng() * k)];
      for (let d = 0; d < c.length; d++) draw.push(c[Math.floor(rng() * c.length)]);
    }
    out[r] = statistic(draw);
  }
  return out;
}

/** Type-7 q-quantile of a buffer by one or two quickselects (reorders it). NaN when empty. */
export function quantileInPlace(b: number[], q: number): number {
  if (b.length === 0) return NaN;
  const h = (b.length - 1) * q;
  const lo = Math.floor(h);
  const a = selectInPlace(b, lo);
  if (lo + 1 >= b.length || h === lo) return a;
  let c = b[lo + 1];
  for (let i = lo + 2; i < b.length; i++) if (b[i] < c) c = b[i];
  return a + (h - lo) * (c - a);
}

/** Options of runBootstrapInterval. */
export interface RunBootstrapOptions {
  confidence?: number;
  resamples?: number;
  seed?: number;
}

/**
 * Percentile-bootstrap interval of `statistic` over the pooled values of measured runs (the calls or batches
 * timed inside each run), drawing whole runs: a run's values share its machine state and are never resampled
 * one by one. When `forkOfRun` puts the runs in two or more forks, each replicate first draws forks with
 * replacement, then runs with replacement inside each drawn fork (as many as it holds), as the gate does for
 * forked metrics. Null with no values; [θ̂, θ̂] with a single run and no forks (nothing to resample).
 */
export function runBootstrapInterval(
  runs: readonly (readonly number[])[],
  forkOfRun: readonly number[] | undefined,
  statistic: (pooled: number[]) => number,
  options: RunBootstrapOptions = {},
): [number, number] | null {
  const { confidence, resamples, seed } = resolveBootstrapOptions(options);
  const pooled = runs.flat();
  if (pooled.length === 0) return null;
  const estimate = statistic([...pooled]);
  const indices = runs.map((_, i) => i);
  const forks = forkOfRun && forkOfRun.length === runs.length ? splitByGroup(indices, forkOfRun) : [indices];
  if (forks.length < 2 && runs.length < 2) return [estimate, estimate];
  const rng = createRng(seed);
  const replicates = new Float64Array(resamples);
  const draw: number[] = [];
  for (let r = 0; r < resamples; r++) {
    draw.length = 0;
    for (let j = 0; j < forks.length; j++) {
      const fork = forks[Math.floor(rng() * forks.length)];
      for (let d = 0; d < fork.length; d++) {
        const run = runs[fork[Math.floor(rng() * fork.length)]];
        for (let i = 0; i < run.length; i++) draw.push(run[i]);
      }
    }
    replicates[r] = statistic(draw);
  }
  return percentileInterval(replicates, confidence);
}
