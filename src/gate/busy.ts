/**
 * A busy machine is not a slower build. On a shared runner, wall time moves by several times when other jobs
 * run, while the benchmark's own CPU time barely moves. A wall-time regression is therefore reported as
 * "inconclusive: machine busy" — not as a regression — when all of these hold:
 *  - the current report recorded that the machine was busy during the case (other processes' CPU or steal
 *    above the limits of src/bench/noise.ts), or the benchmark got clearly less of a core than in the baseline;
 *  - the metric has a low-noise twin compared in the same gate (wall time → its CPU-time measure; CPU time →
 *    its CPU time in reference units, src/bench/reference-workload.ts);
 *  - that twin did not regress (after its own twin was considered the same way).
 * If the twin regressed too, the regression stands. Metrics without a twin keep their verdict, with
 * a note that the machine was busy. The CPU-time twin itself is measured on the runs nobody preempted; when a
 * busy run had too few of those, its CPU time carries the contention too, and its regression is inconclusive.
 */
import { describeNoise, MIN_UNDISTURBED_RUNS, type MachineNoise } from '../bench/noise.js';
import type { MetricComparison } from './compare.js';
import type { Metric } from './metrics.js';

/** The benchmark getting this much less of a core than in the baseline (absolute share) counts as busy. */
export const CORE_SHARE_DROP = 0.1;

/** Why the current run counts as busy against the baseline, or null when it does not. */
export function busyDuring(base: MachineNoise | undefined, cur: MachineNoise | undefined): string | null {
  if (!cur) return null;
  const dropped = base !== undefined && base.coreShare - cur.coreShare >= CORE_SHARE_DROP;
  if (!cur.busy && !dropped) return null;
  const against = base ? ` against ${base.coreShare.toFixed(2)} in the baseline` : '';
  return `the benchmark ${describeNoise(cur)}${dropped ? against : ''}`;
}

const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;

/**
 * A CPU-time regression on a busy machine whose current run had too few undisturbed runs: its CPU time then
 * carries the contention (every run was preempted), so it cannot tell a slower build from a busier machine.
 */
function explainBusyCpu(comparisons: MetricComparison[], base: ReadonlyMap<string, Metric>, cur: ReadonlyMap<string, Metric>): void {
  for (const c of comparisons) {
    if (c.verdict !== 'regression') continue;
    const b = base.get(c.id);
    const m = cur.get(c.id);
    if (!b || !m || b.kind !== 'samples' || m.kind !== 'samples' || m.measure !== 'cpu' || !m.noise) continue;
    const undisturbed = m.noise.undisturbedRuns;
    if (undisturbed === null || undisturbed === undefined || undisturbed >= MIN_UNDISTURBED_RUNS) continue;
    const busy = busyDuring(b.noise, m.noise);
    if (!busy) continue;
    c.verdict = 'inconclusive';
    c.inconclusiveCause = 'machine-busy';
    c.reason = `inconclusive: machine busy (${busy}); only ${undisturbed} run(s) were not preempted, so CPU time carries the contention (${pct(c.change)} [${pct(c.ci[0])}, ${pct(c.ci[1])}])`;
  }
}

/**
 * Rewrites, in place, regressions that a busy machine explains (see the header). A twin is resolved before the
 * metric that names it, so twins chain: wall time → CPU time → CPU time in reference units (the CPU time of a
 * fixed workload timed beside each run, which moves with the machine and not with the build).
 */
export function explainBusyMachine(comparisons: MetricComparison[], base: ReadonlyMap<string, Metric>, cur: ReadonlyMap<string, Metric>): void {
  explainBusyCpu(comparisons, base, cur);
  const byId = new Map(comparisons.map((c) => [c.id, c]));
  const resolved = new Set<string>();
  const resolve = (c: MetricComparison, path: Set<string>): void => {
    if (resolved.has(c.id) || path.has(c.id)) return;
    path.add(c.id);
    const m = cur.get(c.id);
    const twin = m?.kind === 'samples' && m.lowNoiseTwin ? byId.get(m.lowNoiseTwin) : undefined;
    if (twin) resolve(twin, path);
    explainOne(c, twin, base.get(c.id), m);
    resolved.add(c.id);
  };
  for (const c of comparisons) resolve(c, new Set());
}

/** One metric's busy-machine explanation, its twin (if any) already resolved. */
function explainOne(c: MetricComparison, twin: MetricComparison | undefined, b: Metric | undefined, m: Metric | undefined): void {
  if (c.verdict !== 'regression' || c.inconclusiveCause) return;
  if (!b || !m || b.kind !== 'samples' || m.kind !== 'samples') return;
  const measure = m.measure ?? 'wall';
  if (measure !== 'wall' && measure !== 'cpu') return;
  const busy = busyDuring(b.noise, m.noise);
  if (!busy) return;
  if (!twin || twin.inconclusiveCause === 'too-few-samples') {
    if (measure === 'wall') c.reason = `${c.reason} (the machine was busy: ${busy}; no low-noise measure to tell)`;
    return;
  }
  const twinSaw = `${twin.id} ${pct(twin.change)} [${pct(twin.ci[0])}, ${pct(twin.ci[1])}]`;
  const what = measure === 'wall' ? 'CPU time' : 'CPU time in reference units';
  if (twin.verdict === 'regression') {
    c.reason = `${c.reason}; the machine was busy but ${what} regressed too (${twinSaw})`;
    return;
  }
  c.verdict = 'inconclusive';
  c.inconclusiveCause = 'machine-busy';
  const twinSays = twin.verdict === 'inconclusive' ? `${what} cannot tell either (${twinSaw})` : `${what} did not regress (${twinSaw}: ${twin.reason})`;
  c.reason = `inconclusive: machine busy (${busy}); ${twinSays}`;
}
