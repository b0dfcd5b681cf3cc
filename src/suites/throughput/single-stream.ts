/**
 * Single-stream latency (MLPerf LoadGen's SingleStream scenario): each instruction of a category through
 * `bridge.process`, one call at a time, every call timed on its own after warm-up. The calls of one run share
 * that run's machine state, so intervals come from a bootstrap over runs (each resample draws whole runs and
 * pools their calls), never over calls.
 */
import type { GasmBridge } from '../../pipeline/bridge.js';
import type { GasmResponse } from '../../pipeline/types.js';
import { measureCalls, type RunHooks, type RunPolicy } from '../../bench/runner.js';
import { quantileSorted, sortedCopy } from '../../stats/quantile.js';
import { runQuantileInterval, summarizeRuns } from './intervals.js';
import type { Static } from '@sinclair/typebox';
import type { SingleStreamSchema } from './schema.js';

export type SingleStream = Static<typeof SingleStreamSchema>;

/**
 * Percentile-bootstrap interval of quantile `q` of the pooled calls, resampling whole runs (cluster
 * bootstrap: Davison & Hinkley 1997, §3.8) — forks first, then runs inside them, when `fork` puts the runs in
 * two or more forks. With one run it is the run's own [q, q].
 */
export function runClusterQuantileCI(runs: readonly (readonly number[])[], q: number, fork?: readonly number[]): [number, number] {
  return runQuantileInterval(runs, q, fork);
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
 * The single-stream result of measured passes (at least one). Figures are over all calls pooled; every interval
 * (the mean's, the median's, p90's, p99's) resamples whole passes, and forks before passes when `fork` gives the
 * fork of each pass and there are two or more.
 */
export function summarizeSingleStream(calls: number, raw: SingleStreamRaw, fork?: number[]): SingleStream {
  const { callMs, cpuMs, switches } = raw;
  const perRun = callMs.map((run) => sortedCopy(run));
  return {
    calls,
    runs: callMs.length,
    latencyMs: summarizeRuns(callMs, fork),
    ci95P90: runClusterQuantileCI(callMs, 0.9, fork),
    ci95P99: runClusterQuantileCI(callMs, 0.99, fork),
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
