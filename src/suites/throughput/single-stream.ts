/**
 * Single-stream latency (MLPerf LoadGen's SingleStream scenario): each instruction of a category through
 * `bridge.process`, one call at a time, every call timed on its own after warm-up. The calls of one run share
 * that run's machine state, so intervals come from a bootstrap over runs (each resample draws whole runs and
 * pools their calls), never over calls.
 */
import type { GasmBridge } from '../../pipeline/bridge.js';
import type { GasmResponse } from '../../pipeline/types.js';
import { measureCalls, type RunHooks, type RunPolicy } from '../../bench/runner.js';
import { percentileInterval } from '../../stats/bootstrap.js';
import { quantileSorted, sortedCopy } from '../../stats/quantile.js';
import { createRng } from '../../stats/rng.js';
import { summarize } from '../../stats/summary.js';
import type { Static } from '@sinclair/typebox';
import type { SingleStreamSchema } from './schema.js';

export type SingleStream = Static<typeof SingleStreamSchema>;

/** Bootstrap resamples of the run-cluster intervals. */
const CLUSTER_RESAMPLES = 1000;
const CLUSTER_SEED = 0x5eed;

/**
 * Percentile-bootstrap interval of quantile `q` of the pooled calls, resampling whole runs (cluster
 * bootstrap: Davison & Hinkley 1997, §3.8). With one run it is the run's own [q, q].
 */
export function runClusterQuantileCI(runs: readonly (readonly number[])[], q: number, confidence = 0.95, resamples = CLUSTER_RESAMPLES, seed = CLUSTER_SEED): [number, number] {
  const pooled = sortedCopy(runs.flat());
  const estimate = quantileSorted(pooled, q);
  if (runs.length < 2) return [estimate, estimate];
  const rng = createRng(seed);
  const replicates = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    const draw: number[] = [];
    for (let k = 0; k < runs.length; k++) {
      const run = runs[Math.floor(rng() * runs.length)];
      for (const x of run) draw.push(x);
    }
    draw.sort((a, b) => a - b);
    replicates[r] = quantileSorted(draw, q);
  }
  return percentileInterval(replicates, confidence);
}

/** The raw timings of single-stream passes: every call's wall time per pass, and each pass's CPU time and preemptions. */
export interface SingleStreamRaw {
  callMs: number[][];
  cpuMs: number[];
  switches: number[];
}

/** Measures one category single-stream; null when interrupted before a measured run. */
export async function measureSingleStream(bridge: GasmBridge, instructions: readonly string[], policy: RunPolicy, hooks: RunHooks): Promise<{ result: SingleStream | null; aborted: boolean }> {
  const { raw, aborted } = await measureSingleStreamRaw(bridge, instructions, policy, hooks);
  return { result: raw.callMs.length > 0 ? summarizeSingleStream(instructions.length, raw) : null, aborted };
}

/** The single-stream passes' raw timings (see measureSingleStream). */
export async function measureSingleStreamRaw(bridge: GasmBridge, instructions: readonly string[], policy: RunPolicy, hooks: RunHooks): Promise<{ raw: SingleStreamRaw; aborted: boolean }> {
  let sink: GasmResponse | null = null;
  const { callMs, cpuMs, switches, aborted } = await measureCalls(policy, instructions.length, (i) => {
    sink = bridge.process(instructions[i]);
  }, hooks);
  void sink;
  return { raw: { callMs, cpuMs, switches }, aborted };
}

/**
 * The single-stream result of measured passes (at least one). `fork` gives the fork of each pass when the passes
 * come from several forks; the intervals then still resample passes (the gate resamples forks first).
 */
export function summarizeSingleStream(calls: number, raw: SingleStreamRaw, fork?: number[]): SingleStream {
  const { callMs, cpuMs, switches } = raw;
  const perRun = callMs.map((run) => sortedCopy(run));
  const latency = summarize(callMs.flat());
  return {
    calls,
    runs: callMs.length,
    latencyMs: { ...latency, ci95Median: runClusterQuantileCI(callMs, 0.5) },
    ci95P90: runClusterQuantileCI(callMs, 0.9),
    ci95P99: runClusterQuantileCI(callMs, 0.99),
    samples: {
      callMs,
      runP50: perRun.map((s) => quantileSorted(s, 0.5)),
      runP90: perRun.map((s) => quantileSorted(s, 0.9)),
      runP99: perRun.map((s) => quantileSorted(s, 0.99)),
      cpuMs,
      ...(switches.length === callMs.length ? { switches } : {}),
      ...(fork ? { fork } : {}),
    },
  };
}
