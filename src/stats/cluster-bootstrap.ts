/**
 * Two-stage (cluster) bootstrap for nested samples: runs measured inside forks. Runs of one fork share its JIT
 * state, heap layout and wasm memory placement, so they are not independent of one another; the forks are.
 * Resampling runs alone treats the fork-to-fork spread as if it did not exist (here: medians of fresh isolates
 * of the same build differ by 4–5 %, while the interval over one fork's runs is ±1 %), which is how a gate
 * cries wolf. Each replicate therefore draws forks with replacement, then runs with replacement inside each
 * drawn fork (Davison & Hinkley 1997, §3.8: resampling at both stages), and computes the statistic on the pooled
 * draw. With one fork it is the ordinary bootstrap over runs.
 */
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
