/**
 * Forks: the batched runs of a case measured in several fresh V8 isolates, one after another (never side by
 * side: they would contend for the cores). A process's JIT decisions, heap layout and wasm memory placement
 * are fixed for its life and move its speed by 4–5 % from one process to the next here (fresh isolates of one
 * process vary as much), which no number of runs inside one process can average out. JMH forks processes for
 * the same reason. Each fork warms up and measures under the same policy; the runs are concatenated with the
 * fork of each run recorded, and the gate resamples forks before runs (src/stats/cluster-bootstrap.ts).
 */
import { Worker } from 'node:worker_threads';
import { WORKER_TIMEOUT_MS } from '../../bench/constants.js';
import { undisturbedRuns, type MachineNoise } from '../../bench/noise.js';
import { ResponseTally } from '../../bench/response-tally.js';
import type { RunPolicy, WarmupOutcome } from '../../bench/runner.js';
import { workerScriptBeside } from '../../bench/worker-script.js';
import type { BridgeConfig } from '../../pipeline/bridge.js';
import { median } from '../../stats/quantile.js';
import { mergeDistinct, type BatchedRuns } from './batched.js';
import type { ForkMessage, ForkResult, ForkSetup } from './fork-protocol.js';
import { summarizeSingleStream, type SingleStream } from './single-stream.js';

/** What one fork measured, in brief (the report keeps one per fork). */
export interface ForkSummary {
  runs: number;
  /** Median instructions per second of the fork's runs. */
  instructionsPerSecond: number;
  /** Median CPU time of its runs, ms. */
  cpuMsPerRun: number;
  warmup: WarmupOutcome;
}

export interface Forked {
  runs: BatchedRuns;
  /** The forks' single-stream passes (each fork's after its batched runs), or null when none ran. */
  singleStream: { result: SingleStream; noise: MachineNoise } | null;
  /** The fork of each measured run. */
  forkOf: number[];
  forks: ForkSummary[];
  aborted: boolean;
}

/**
 * How long a fork may take: the worker limit for start-up and a slow pass, plus the policy's own warm-up and
 * measuring budgets, twice (batched runs, then single-stream passes), with room for the runs that end a budget.
 */
export function forkTimeoutMs(policy: RunPolicy): number {
  const warm = Math.max(policy.warmupTimeMs ?? 0, policy.steadyWarmup?.maxMs ?? 0);
  const measured = Math.max(policy.minTimeMs, policy.precision?.maxTimeMs ?? 0);
  return WORKER_TIMEOUT_MS + 2 * 1.5 * (warm + measured);
}

/** Runs one fork to its end; rejects with its error, on a timeout, or when the signal aborts it. */
async function runFork(setup: ForkSetup, signal: AbortSignal | undefined): Promise<ForkResult> {
  const script = workerScriptBeside(import.meta.url, 'fork-worker');
  const worker = new Worker(script.url, { workerData: setup, argv: script.argv });
  try {
    return await new Promise<ForkResult>((resolve, reject) => {
      const limitMs = forkTimeoutMs(setup.policy);
      const timer = setTimeout(() => reject(new Error(`a fork did not finish within ${Math.round(limitMs / 1000)} s`)), limitMs);
      const onAbort = () => reject(new Error('aborted'));
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      worker.once('message', (m: ForkMessage) => {
        done();
        if (m.type === 'done') resolve({ runs: m.runs, singleStream: m.singleStream });
        else reject(new Error(`a fork failed: ${m.message}`));
      });
      worker.once('error', (e) => {
        done();
        reject(new Error(`a fork crashed: ${e.message}`));
      });
      worker.once('exit', (code) => {
        done();
        reject(new Error(`a fork exited with code ${code} before answering`));
      });
    });
  } finally {
    await worker.terminate();
  }
}

/** The noise figure of several forks: shares averaged, "busy" if any fork was, undisturbed runs summed. */
export function mergeNoise(noises: readonly MachineNoise[]): MachineNoise {
  const avg = (xs: (number | null)[]): number | null => (xs.some((x) => x === null) ? null : (xs as number[]).reduce((a, b) => a + b, 0) / xs.length);
  const undisturbed = noises.map((n) => n.undisturbedRuns ?? null);
  return {
    coreShare: avg(noises.map((n) => n.coreShare)) ?? 0,
    otherCores: avg(noises.map((n) => n.otherCores)),
    stealShare: avg(noises.map((n) => n.stealShare)),
    wallCv: avg(noises.map((n) => n.wallCv)) ?? 0,
    cpuCv: avg(noises.map((n) => n.cpuCv)) ?? 0,
    busy: noises.some((n) => n.busy),
    undisturbedRuns: undisturbed.some((u) => u === null) ? null : (undisturbed as number[]).reduce((a, b) => a + b, 0),
  };
}

/** Concatenates the forks' single-stream passes, recording the fork of each; null when no fork ran any. */
export function mergeSingleStreams(parts: readonly ForkResult[], calls: number): Forked['singleStream'] {
  const withPasses = parts.map((p, f) => [p.singleStream, f] as const).filter(([s]) => s !== null && s.raw.callMs.length > 0);
  if (withPasses.length === 0) return null;
  const raw = { callMs: [] as number[][], cpuMs: [] as number[], switches: [] as number[] };
  const fork: number[] = [];
  for (const [s, f] of withPasses) {
    raw.callMs.push(...s!.raw.callMs);
    raw.cpuMs.push(...s!.raw.cpuMs);
    raw.switches.push(...s!.raw.switches);
    for (let i = 0; i < s!.raw.callMs.length; i++) fork.push(f);
  }
  if (!withPasses.every(([s]) => s!.raw.switches.length === s!.raw.callMs.length)) raw.switches = [];
  return { result: summarizeSingleStream(calls, raw, fork), noise: mergeNoise(withPasses.map(([s]) => s!.noise)) };
}

/** Concatenates the forks' runs (each of `instructionsPerRun` instructions), recording the fork of each. */
export function mergeForks(parts: readonly BatchedRuns[], instructionsPerRun: number): Omit<Forked, 'aborted' | 'singleStream'> {
  const tally = new ResponseTally();
  const forkOf: number[] = [];
  const forks: ForkSummary[] = [];
  const m = { ms: [] as number[], cpuMs: [] as number[], switches: [] as number[], referenceCpuMs: [] as number[], referenceLoopMs: 0, loopMs: 0, aborted: false };
  const batchRuns: number[][] = [];
  parts.forEach((p, f) => {
    tally.absorb(p.tally);
    m.ms.push(...p.m.ms);
    m.cpuMs.push(...p.m.cpuMs);
    m.switches.push(...p.m.switches);
    m.referenceCpuMs.push(...p.m.referenceCpuMs);
    m.referenceLoopMs += p.m.referenceLoopMs;
    m.loopMs += p.m.loopMs;
    batchRuns.push(...p.batchRuns);
    for (let i = 0; i < p.m.ms.length; i++) forkOf.push(f);
    forks.push({
      runs: p.m.ms.length,
      instructionsPerSecond: p.m.ms.length > 0 ? median(p.m.ms.map((t) => (instructionsPerRun / t) * 1000)) : 0,
      cpuMsPerRun: p.m.cpuMs.length > 0 ? median(p.m.cpuMs) : 0,
      warmup: p.m.warmup,
    });
  });
  const switchesOk = parts.every((p) => p.m.switches.length === p.m.ms.length);
  const refOk = parts.every((p) => p.m.referenceCpuMs.length === p.m.ms.length);
  const warmups = parts.map((p) => p.m.warmup);
  const warmup: WarmupOutcome = {
    ms: warmups.reduce((a, w) => a + w.ms, 0),
    runs: warmups.reduce((a, w) => a + w.runs, 0),
    steady: warmups.some((w) => w.steady === null) ? null : warmups.every((w) => w.steady),
  };
  return {
    runs: {
      m: { ...m, switches: switchesOk ? m.switches : [], referenceCpuMs: refOk ? m.referenceCpuMs : [], warmup },
      noise: { ...mergeNoise(parts.map((p) => p.noise)), ...(switchesOk ? { undisturbedRuns: undisturbedRuns(m.switches, forkOf).length } : {}) },
      tally: tally.data(),
      distinct: mergeDistinct(parts.map((p) => p.distinct)),
      batchRuns,
    },
    forkOf,
    forks,
  };
}

/**
 * Measures the batches in `count` forks, one after another, each fork also running the single-stream pass over
 * `singleStream` when given; an abort keeps the forks already finished.
 */
export async function measureInForks(bridge: BridgeConfig, batches: string[][], policy: RunPolicy, count: number, singleStream: string[] | null, signal: AbortSignal | undefined, onFork: (fork: number) => void): Promise<Forked> {
  const parts: ForkResult[] = [];
  let aborted = false;
  for (let f = 0; f < count; f++) {
    if (signal?.aborted) {
      aborted = true;
      break;
    }
    try {
      parts.push(await runFork({ bridge, batches, policy, ...(singleStream ? { singleStream } : {}) }, signal));
    } catch (error) {
      if (signal?.aborted) {
        aborted = true;
        break;
      }
      throw error;
    }
    onFork(f + 1);
  }
  return { ...mergeForks(parts.map((p) => p.runs), batches.reduce((n, b) => n + b.length, 0)), singleStream: mergeSingleStreams(parts, singleStream?.length ?? 0), aborted };
}
