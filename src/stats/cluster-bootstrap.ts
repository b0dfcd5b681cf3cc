/**
 * Two-stage (cluster) bootstrap for nested samples: runs measured inside forks. Runs of one fork share its JIT
 * state, heap layout and wasm memory placement, so they are not independent of one another; the forks are.
 * Resampling runs alone treats the fork-to-fork spread as if it did not exist (here: medians of fresh isolates
 * of the same build differ by 4–5 %, while the interval over one fork's runs is ±1 %), which is how a gate
 * cries wolf. Each replicate therefore draws forks with replacement, then runs with replacement inside each
 * drawn fork (Davison & Hinkley 1997, §3.8: resampling at both stages), and computes the statistic on the pooled
 * draw. With one fork it is the ordinary bootstrap over runs.
 *
 * Values timed inside a run (its calls or batches) share that run's machine state too, so metrics that pool them
 * are resampled one level deeper: processes (forks, or the reports of a pooled baseline), then runs inside each
 * drawn process, each drawn run's values kept WHOLE (runBootstrapReplicates; never a call drawn alone). That is the
 * scheme of the report's own intervals (runBootstrapInterval), so the gate and history resample as the report does.
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
 * `resamples` replicates of `statistic` over two-stage resamples of the clusters: clusters, then single values
 * inside each drawn cluster. Meant for one value per run grouped by fork; values timed inside a run (calls,
 * batches) go to runBootstrapReplicates instead. It is runBootstrapReplicates with every value its own run: each
 * drawn fork contributes as many runs as it holds, so a replicate weighs runs as the point estimate does (a fork
 * with few calm runs counts for few runs, not for an average fork). The statistic may reorder its buffer.
 */
export function clusterBootstrapReplicates(
  clusters: readonly (readonly number[])[],
  statistic: (resample: number[]) => number,
  resamples: number,
  rng: () => number,
): Float64Array {
  return runBootstrapReplicates(clusters.map((c) => Array.from(c, (v) => [v])), statistic, resamples, rng);
}

/** Values in runs inside processes: process → run → the run's values. */
export type ProcessRuns = readonly (readonly (readonly number[])[])[];

/**
 * The values split by process (`groups`; one process when absent), then by run inside each process, both in the
 * order they first appear. `runs` labels each value's run (any integers; a run is keyed by process and label).
 */
export function splitByRun(values: ArrayLike<number>, runs: ArrayLike<number>, groups?: ArrayLike<number>): number[][][] {
  if (values.length !== runs.length) throw new RangeError(`${values.length} values but ${runs.length} run labels`);
  if (groups && values.length !== groups.length) throw new RangeError(`${values.length} values but ${groups.length} group labels`);
  const byProcess = new Map<number, Map<number, number[]>>();
  for (let i = 0; i < values.length; i++) {
    const p = groups ? groups[i] : 0;
    let process = byProcess.get(p);
    if (!process) byProcess.set(p, (process = new Map()));
    let run = process.get(runs[i]);
    if (!run) process.set(runs[i], (run = []));
    run.push(values[i]);
  }
  return [...byProcess.values()].map((process) => [...process.values()]);
}

/** How many runs the processes hold in all. */
export function runCount(processes: ProcessRuns): number {
  let n = 0;
  for (const p of processes) n += p.length;
  return n;
}

/**
 * `resamples` replicates of `statistic` over resamples that keep runs whole: each replicate draws as many
 * processes as there are, with replacement; inside each drawn process, as many of its runs as it holds, with
 * replacement; and pools every value of every drawn run. With one process it is the bootstrap over whole runs.
 * The statistic receives one reused buffer and may reorder it.
 */
export function runBootstrapReplicates(
  processes: ProcessRuns,
  statistic: (resample: number[]) => number,
  resamples: number,
  rng: () => number,
): Float64Array {
  const out = new Float64Array(resamples);
  const k = processes.length;
  const draw: number[] = [];
  for (let r = 0; r < resamples; r++) {
    draw.length = 0;
    for (let j = 0; j < k; j++) {
      const process = processes[Math.floor(rng() * k)];
      for (let d = 0; d < process.length; d++) {
        const run = process[Math.floor(rng() * process.length)];
        for (let i = 0; i < run.length; i++) draw.push(run[i]);
      }
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
 * replacement, then runs with replacement inside each drawn fork (as many as it holds): runBootstrapReplicates,
 * which the gate and history use for metrics that pool calls or batches. Null with no values; [θ̂, θ̂] with a single run and no forks (nothing to resample).
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
  const processes = forks.map((fork) => fork.map((i) => runs[i]));
  const replicates = runBootstrapReplicates(processes, statistic, resamples, createRng(seed));
  return percentileInterval(replicates, confidence);
}
