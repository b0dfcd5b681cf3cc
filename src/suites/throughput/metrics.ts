/**
 * Gate metrics of the throughput suite, each the very figure the report shows under the same name. Per-run
 * figures (throughput) have one sample per measured run; pooled figures (batch latency, single-stream
 * p50/p90/p99: a quantile of every batch or call of every run) carry every value with its run as its group, so
 * that the gate and history resample runs, never the calls or batches inside one (they share its machine state).
 * With forks the group is the fork: forks are resampled first. Quality rates count each distinct instruction
 * once (its first response; see ThroughputCategory.qualityVaried): repeated runs of a deterministic pipeline are
 * not new trials.
 */
import { MIN_UNDISTURBED_RUNS, undisturbedRuns } from '../../bench/noise.js';
import type { Metric } from '../contract.js';
import { ownEntries } from '../records.js';
import type { ThroughputCategory, ThroughputResult } from './schema.js';

/**
 * Instructions per CPU second of the runs nobody disturbed: contention from other processes only adds CPU time
 * (caches and branch predictors refilled after each preemption: about +10% on the median run here under two busy
 * processes), so the runs in which the measuring thread was not preempted — nor in the run before — carry
 * the build's own cost (+3% under the same load). When fewer than MIN_UNDISTURBED_RUNS such runs exist (long
 * runs on a busy machine), or switches were not recorded, every run is used.
 */
export function cpuThroughputSamples(c: ThroughputCategory): number[] {
  return calmRunIndices(c.samples.cpuMs, c.samples.switches, c.samples.fork).map((i) => (c.instructions / c.samples.cpuMs[i]) * 1000);
}

/**
 * The fork of each sample, for samples taken from the runs at `indices` (all runs when omitted), when the case
 * ran in forks; the gate then resamples forks before runs. Empty object otherwise.
 */
function forkGroups(c: ThroughputCategory, indices?: number[]): { groups?: number[]; unitOfIndependence: 'run' | 'process' } {
  return groupsOf(c.samples.fork, c.samples.runMs.length, indices);
}

function groupsOf(fork: readonly number[] | undefined, runs: number, indices?: number[]): { groups?: number[]; unitOfIndependence: 'run' | 'process' } {
  if (!fork || fork.length !== runs || new Set(fork).size < 2) return { unitOfIndependence: 'run' };
  return { groups: indices ? indices.map((i) => fork[i]) : [...fork], unitOfIndependence: 'process' };
}

/**
 * Indices of the runs whose CPU time (> 0) the CPU-time metrics use: the undisturbed runs when there are
 * enough of them, else every run. With forks (`fork`: the fork of each run), undisturbed runs are judged
 * inside each fork, and when they come from fewer than two of the case's forks every run is kept: the gate
 * resamples forks, and one fork alone would hide the fork-to-fork spread.
 */
export function calmRunIndices(cpuMs: readonly number[], switches: readonly number[] | undefined, fork?: readonly number[]): number[] {
  return calmRuns(cpuMs, switches, fork).indices;
}

/** calmRunIndices, and whether they are the undisturbed runs (true) or every run for want of enough of them (false). */
export function calmRuns(cpuMs: readonly number[], switches: readonly number[] | undefined, fork?: readonly number[]): { indices: number[]; undisturbed: boolean } {
  const all = cpuMs.map((ms, i) => [ms, i] as const).filter(([ms]) => ms > 0).map(([, i]) => i);
  const forks = fork && fork.length === cpuMs.length ? fork : undefined;
  const calm = new Set(undisturbedRuns(switches ?? [], forks));
  const kept = all.filter((i) => calm.has(i));
  const forksKept = forks ? new Set(kept.map((i) => forks[i])).size : 0;
  const forksInCase = forks ? new Set(forks).size : 0;
  if (kept.length < MIN_UNDISTURBED_RUNS || (forksInCase >= 2 && forksKept < 2)) return { indices: all, undisturbed: false };
  return { indices: kept, undisturbed: true };
}

/**
 * Every value of every run pooled, each labelled with its run (`runs`) and, when the runs came from two or more
 * forks, with its run's fork (`groups`), so that the gate and history draw forks, then whole runs inside them,
 * never the values inside a run: the scheme of the report's own intervals (runBootstrapInterval).
 */
export function pooledByRun(runs: readonly (readonly number[])[], fork: readonly number[] | undefined): { samples: number[]; runs: number[]; groups?: number[]; unitOfIndependence: 'run' | 'process' } {
  const forks = fork && fork.length === runs.length && new Set(fork).size >= 2 ? fork : undefined;
  const samples: number[] = [];
  const runOf: number[] = [];
  const groups: number[] = [];
  runs.forEach((run, r) => {
    for (const x of run) {
      samples.push(x);
      runOf.push(r);
      if (forks) groups.push(forks[r]);
    }
  });
  return { samples, runs: runOf, ...(forks ? { groups } : {}), unitOfIndependence: forks ? 'process' : 'run' };
}

/**
 * Instructions per reference unit: per calm run, instructions × the reference workload's CPU time ÷ the run's
 * CPU time — how many instructions the pipeline processes in the CPU time one unit of the fixed reference
 * workload (src/bench/reference-workload.ts) takes right before the run. The machine's share of a slowdown
 * (a busy sibling vCPU, a slower host) moves both and cancels; the build's does not. Empty without reference times.
 */
export function referenceThroughputSamples(c: ThroughputCategory): number[] {
  return referenceRunIndices(c).map((i) => (c.instructions * c.samples.referenceCpuMs![i]) / c.samples.cpuMs[i]);
}

function referenceRunIndices(c: ThroughputCategory): number[] {
  const ref = c.samples.referenceCpuMs;
  if (!ref || ref.length !== c.samples.cpuMs.length) return [];
  return calmRunIndices(c.samples.cpuMs, c.samples.switches, c.samples.fork).filter((i) => ref[i] > 0);
}

export function throughputMetrics(t: ThroughputResult): Metric[] {
  const out: Metric[] = [];
  for (const [name, c] of ownEntries(t.categories)) {
    const cpuId = `throughput.${name}.cpuInstructionsPerSecond`;
    const cpuSamples = cpuThroughputSamples(c);
    const refId = `throughput.${name}.instructionsPerReferenceUnit`;
    const refSamples = referenceThroughputSamples(c);
    // Wall-time metrics of the case name its CPU-time twin and carry the case's noise figure, so that the gate
    // can tell a busy machine (wall time moves, CPU time does not) from a slower build.
    const wall = { measure: 'wall' as const, ...(cpuSamples.length > 0 ? { lowNoiseTwin: cpuId } : {}), ...(c.noise ? { noise: c.noise } : {}) };
    const cpuRuns = calmRuns(c.samples.cpuMs, c.samples.switches, c.samples.fork);
    const cpuGroups = forkGroups(c, cpuRuns.indices);
    const cpuRunsUsed = cpuRuns.undisturbed ? 'undisturbed runs' : `all runs: fewer than ${MIN_UNDISTURBED_RUNS} undisturbed`;
    out.push({ kind: 'samples', id: `throughput.${name}.instructionsPerSecond`, label: `throughput ${name}`, unit: 'instr/s', direction: 'higher', statistic: 'median', samples: c.samples.instructionsPerSecond, ...forkGroups(c), ...wall });
    if (cpuSamples.length > 0) {
      out.push({ kind: 'samples', id: cpuId, label: `throughput per CPU second ${name} (${cpuRunsUsed})`, unit: 'instr/CPU-s', direction: 'higher', statistic: 'median', samples: cpuSamples, ...cpuGroups, measure: 'cpu', ...(refSamples.length > 0 ? { lowNoiseTwin: refId } : {}), ...(c.noise ? { noise: c.noise } : {}) });
    }
    if (refSamples.length > 0) {
      out.push({ kind: 'samples', id: refId, label: `throughput in reference units ${name} (instructions per reference-workload CPU time, ${cpuRunsUsed})`, unit: 'instr/ref', direction: 'higher', statistic: 'median', samples: refSamples, ...forkGroups(c, referenceRunIndices(c)), measure: 'cpu', ...(c.noise ? { noise: c.noise } : {}) });
    }
    out.push({ kind: 'samples', id: `latency.${name}.batch`, label: `batch latency ${name} (batch ${c.batchSize}; median of all batches, resampled by run)`, unit: 'ms', direction: 'lower', statistic: 'median', ...pooledByRun(c.samples.batchMs, c.samples.fork), ...wall });
    const ss = c.singleStream;
    if (ss) {
      // The single-stream pass has its own CPU-time twin (CPU ms per call of the undisturbed passes) and noise
      // figure; reports without them fall back to the batched runs' twin.
      const ssCalm = calmRunIndices(ss.samples.cpuMs ?? [], ss.samples.switches, ss.samples.fork);
      const ssCpu = ssCalm.map((i) => ss.samples.cpuMs![i] / ss.calls);
      const passGroups = (indices?: number[]) => groupsOf(ss.samples.fork, ss.samples.runP50.length, indices);
      const ssCpuId = `latency.${name}.cpuMsPerCall`;
      const noise = ss.noise ?? c.noise;
      // p50/p90/p99 of every call of every pass, as the report prints them; the gate resamples passes (or forks).
      const ssWall = { ...wall, ...pooledByRun(ss.samples.callMs, ss.samples.fork), ...(ssCpu.length > 0 ? { lowNoiseTwin: ssCpuId } : {}), ...(noise ? { noise } : {}) };
      out.push({ kind: 'samples', id: `latency.${name}.median`, label: `single-stream latency p50 ${name} (all calls, resampled by pass)`, unit: 'ms', direction: 'lower', statistic: 'median', ...ssWall });
      out.push({ kind: 'samples', id: `latency.${name}.p90`, label: `single-stream latency p90 ${name} (all calls, resampled by pass)`, unit: 'ms', direction: 'lower', statistic: 'p90', ...ssWall });
      out.push({ kind: 'samples', id: `latency.${name}.p99`, label: `single-stream latency p99 ${name} (all calls, resampled by pass)`, unit: 'ms', direction: 'lower', statistic: 'p99', ...ssWall });
      if (ssCpu.length > 0) {
        out.push({ kind: 'samples', id: ssCpuId, label: `single-stream CPU time per call ${name} (undisturbed passes)`, unit: 'CPU-ms', direction: 'lower', statistic: 'median', samples: ssCpu, ...passGroups(ssCalm), measure: 'cpu', ...(noise ? { noise } : {}) });
      }
    }
    // Each distinct instruction once; when no outcome varied between runs the rates are exact (any drop fails).
    const exact = c.qualityVaried === 0 ? { exact: true } : {};
    out.push({ kind: 'proportion', id: `quality.${name}.successRate`, label: `success rate ${name}`, unit: '', direction: 'higher', successes: c.quality.successes, trials: c.quality.responses, ...exact });
    out.push({ kind: 'proportion', id: `quality.${name}.constraintSatisfactionRate`, label: `constraints met ${name} (successful responses)`, unit: '', direction: 'higher', successes: c.quality.satisfiedConstraints, trials: c.quality.constraints, ...exact });
  }
  return out;
}
