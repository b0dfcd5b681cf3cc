/**
 * The measuring loop: warm-up runs (not counted; at least a count and a time), then measured runs until both a minimum count and a
 * minimum time are reached (or exactly `runs` when given), and then, with a precision target, until the median's
 * 95% interval is narrow enough or the case's time budget is spent. The timed region holds only `body()`:
 * result collection happens in `after()`, outside it. Between runs the loop yields to the event loop
 * now and then, so that signals (Ctrl-C) and worker messages are handled without touching a timed region.
 */
import { relativeMedianCiWidth } from '../stats/median-precision.js';
import { DEFAULT_MAX_RUNS, YIELD_EVERY_MS } from './constants.js';
import { openPreemptionCounter } from './noise.js';
import { timeReferenceCpuMs } from './reference-workload.js';
import { SteadyWarmupTracker, type SteadyWarmup } from './steady-warmup.js';

export interface RunPolicy {
  /** Fewest warm-up runs. */
  warmup: number;
  /** Least warm-up time, ms (criterion's warm-up time): the JIT settles before anything is measured. */
  warmupTimeMs?: number;
  /** Exact number of measured runs; null: adaptive between minRuns and maxRuns. */
  runs: number | null;
  minRuns: number;
  minTimeMs: number;
  maxRuns?: number;
  /**
   * Adaptive runs only: after minRuns and minTimeMs, keep adding runs while the 95% interval of the median is
   * wider than `relativeCiWidth` × the median (src/stats/median-precision.ts), until the case has run `maxTimeMs`.
   */
  precision?: { relativeCiWidth: number; maxTimeMs: number };
  /**
   * Time the fixed reference workload (src/bench/reference-workload.ts) in CPU time right before each measured
   * run, outside its timed region, so that the run's CPU time can be read in units of the machine's current speed.
   */
  reference?: boolean;
  /** After the least warm-up, go on warming up until CPU time per run stops falling (src/bench/steady-warmup.ts). */
  steadyWarmup?: SteadyWarmup;
}

/** What the warm-up did. */
export interface WarmupOutcome {
  /** Warm-up time, ms, and runs. */
  ms: number;
  runs: number;
  /** True: CPU time per run stopped falling; false: the steady-state search hit its time limit; null: not searched. */
  steady: boolean | null;
}

/**
 * Whether a case needs more runs for its median to say anything: checked every tenth of the runs so far (outside
 * the timed region), so the sort it costs stays small against the runs themselves.
 */
class PrecisionCheck {
  private nextCheck = 0;
  private wide = true;
  constructor(private readonly precision: RunPolicy['precision'] | undefined) {}
  needsMore(values: ArrayLike<number>, count: number, totalMs: number): boolean {
    const p = this.precision;
    if (!p || totalMs >= p.maxTimeMs) return false;
    if (count >= this.nextCheck) {
      this.wide = relativeMedianCiWidth(values) > p.relativeCiWidth;
      this.nextCheck = count + Math.max(1, Math.floor(count / 10));
    }
    return this.wide;
  }
}

export interface Measurement {
  /** Wall time of each measured run, ms. */
  ms: number[];
  /**
   * Process CPU time (user + system, all threads) of each measured run, ms, read with process.cpuUsage()
   * just outside the wall-time reads. It includes the sampler's worker thread when the sampler runs.
   */
  cpuMs: number[];
  /**
   * Preemptions of the measuring thread from the end of the previous run to the end of each run (0: no other
   * process took its CPU), read outside the timed region from /proc/thread-self/status; empty where unavailable.
   */
  switches: number[];
  /**
   * CPU time of the reference workload timed right before each measured run, ms (policy.reference); empty when
   * off. A run whose switches count is 0 had neither itself nor its reference preempted.
   */
  referenceCpuMs: number[];
  /** Wall time the reference workload took over the whole loop, ms (part of loopMs, not of any run). */
  referenceLoopMs: number;
  /**
   * Wall time of the whole measured loop, ms: the runs plus the bookkeeping between them (`after`, progress,
   * yields, the reference workload). loopMs − Σ ms − referenceLoopMs is the harness's own per-run cost, which an
   * outside timer (hyperfine) also sees.
   */
  loopMs: number;
  /** What the warm-up did. */
  warmup: WarmupOutcome;
  /** True when the signal stopped the loop early. */
  aborted: boolean;
}

export interface RunHooks {
  signal?: AbortSignal;
  /** Called after each measured run (outside the timed region) with run index and count so far. */
  onRun?: (run: number, elapsedMs: number) => void;
  /** Called once after warm-up, right before the first measured run (e.g. to read the machine's counters). */
  onMeasureStart?: () => void;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Yields to the event loop between runs once YIELD_EVERY_MS has passed since the last yield (never inside a run). */
function eventLoopYielder(): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last > YIELD_EVERY_MS) {
      await yieldToEventLoop();
      last = performance.now();
    }
  };
}

/** Cost of one pair of timer reads, ns (median of 1000), to warn when runs are too short to time. */
export function timerOverheadNs(): number {
  const n = 1000;
  const costs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = process.hrtime.bigint();
    const b = process.hrtime.bigint();
    costs[i] = Number(b - a);
  }
  costs.sort();
  return costs[n >> 1];
}

/**
 * Measures `body` under `policy`. `after(i)` runs after each run (warm-up runs have i < 0) and is where the
 * caller reads what the run produced.
 */
export async function measure(
  policy: RunPolicy,
  body: () => void,
  after: (run: number) => void = () => undefined,
  hooks: RunHooks = {},
): Promise<Measurement> {
  const warmupStart = performance.now();
  const warmupEnd = warmupStart + (policy.warmupTimeMs ?? 0);
  const steady = policy.steadyWarmup && policy.steadyWarmup.maxMs > 0 ? policy.steadyWarmup : null;
  const tracker = steady ? new SteadyWarmupTracker(steady) : null;
  const maybeYield = eventLoopYielder();
  let warmupRuns = 0;
  let reached = false;
  const abortedInWarmup = (): Measurement => ({ ms: [], cpuMs: [], switches: [], referenceCpuMs: [], referenceLoopMs: 0, loopMs: 0, warmup: { ms: performance.now() - warmupStart, runs: warmupRuns, steady: null }, aborted: true });
  for (;;) {
    const now = performance.now();
    const leastDone = warmupRuns >= policy.warmup && now >= warmupEnd;
    if (leastDone && (!steady || reached || now - warmupStart >= steady.maxMs)) break;
    if (hooks.signal?.aborted) return abortedInWarmup();
    if (policy.reference) timeReferenceCpuMs();
    // CPU time is read only while searching for steady state, which starts once the least warm-up is done.
    const searching = tracker !== null && leastDone;
    const c0 = searching ? process.cpuUsage() : null;
    body();
    if (c0) {
      const c1 = process.cpuUsage(c0);
      reached = tracker!.add((c1.user + c1.system) / 1000, performance.now());
    }
    after(-1 - warmupRuns);
    warmupRuns++;
    await maybeYield();
  }
  const warmup: WarmupOutcome = { ms: performance.now() - warmupStart, runs: warmupRuns, steady: steady ? reached : null };
  const maxRuns = policy.runs ?? policy.maxRuns ?? DEFAULT_MAX_RUNS;
  const minRuns = policy.runs ?? policy.minRuns;
  const minTimeMs = policy.runs === null ? policy.minTimeMs : 0;
  const ms = new Float64Array(maxRuns);
  const cpuMs = new Float64Array(maxRuns);
  const switches = new Float64Array(maxRuns);
  const referenceCpuMs = new Float64Array(policy.reference ? maxRuns : 0);
  let referenceLoopMs = 0;
  const preemptions = openPreemptionCounter();
  let count = 0;
  let total = 0;
  hooks.onMeasureStart?.();
  let lastSwitches = preemptions.read();
  const loopStart = performance.now();
  const result = (aborted: boolean): Measurement => {
    preemptions.close();
    return {
      ms: Array.from(ms.subarray(0, count)),
      cpuMs: Array.from(cpuMs.subarray(0, count)),
      switches: Number.isFinite(lastSwitches) ? Array.from(switches.subarray(0, count)) : [],
      referenceCpuMs: Array.from(referenceCpuMs.subarray(0, Math.min(count, referenceCpuMs.length))),
      referenceLoopMs,
      loopMs: performance.now() - loopStart,
      warmup,
      aborted,
    };
  };
  try {
    const precision = new PrecisionCheck(policy.runs === null ? policy.precision : undefined);
    while (count < maxRuns && (count < minRuns || total < minTimeMs || precision.needsMore(ms.subarray(0, count), count, total))) {
      if (hooks.signal?.aborted) return result(true);
      if (policy.reference) {
        const r0 = performance.now();
        referenceCpuMs[count] = timeReferenceCpuMs().cpuMs;
        referenceLoopMs += performance.now() - r0;
      }
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      body();
      const t1 = process.hrtime.bigint();
      const c1 = process.cpuUsage(c0);
      const nowSwitches = preemptions.read();
      const elapsed = Number(t1 - t0) / 1e6;
      ms[count] = elapsed;
      cpuMs[count] = (c1.user + c1.system) / 1000;
      switches[count] = nowSwitches - lastSwitches;
      lastSwitches = nowSwitches;
      total += elapsed;
      after(count);
      count++;
      hooks.onRun?.(count, total);
      await maybeYield();
    }
    return result(false);
  } finally {
    preemptions.close();
  }
}

export interface CallMeasurement {
  /** Wall time of every call, ms, one array per measured run (a run is one pass over the calls). */
  callMs: number[][];
  /** Process CPU time of each pass, ms (the pass's calls plus their timer reads). */
  cpuMs: number[];
  /** Preemptions of the measuring thread during each pass and since the pass before (empty where unavailable). */
  switches: number[];
  aborted: boolean;
}

/**
 * Single-stream measurement (MLPerf LoadGen's SingleStream): each of `calls` calls timed on its own, one after
 * the other, in passes. Warm-up passes first (policy.warmup and warmupTimeMs), then measured passes until the
 * policy's run count and time are reached. The timed region of each call holds only `call(i)`.
 */
export async function measureCalls(policy: RunPolicy, calls: number, call: (i: number) => void, hooks: RunHooks = {}): Promise<CallMeasurement> {
  const maybeYield = eventLoopYielder();
  const warmupEnd = performance.now() + (policy.warmupTimeMs ?? 0);
  for (let pass = 0; pass < policy.warmup || performance.now() < warmupEnd; pass++) {
    if (hooks.signal?.aborted) return { callMs: [], cpuMs: [], switches: [], aborted: true };
    for (let i = 0; i < calls; i++) call(i);
    await maybeYield();
  }
  const maxRuns = policy.runs ?? policy.maxRuns ?? DEFAULT_MAX_RUNS;
  const minRuns = policy.runs ?? policy.minRuns;
  const minTimeMs = policy.runs === null ? policy.minTimeMs : 0;
  const buffer = new Float64Array(calls);
  const callMs: number[][] = [];
  let total = 0;
  const runTotals: number[] = [];
  const cpuMs: number[] = [];
  const switches: number[] = [];
  const preemptions = openPreemptionCounter();
  let lastSwitches = preemptions.read();
  const done = (aborted: boolean): CallMeasurement => {
    preemptions.close();
    return { callMs, cpuMs, switches: Number.isFinite(lastSwitches) ? switches : [], aborted };
  };
  try {
    const precision = new PrecisionCheck(policy.runs === null ? policy.precision : undefined);
    while (callMs.length < maxRuns && (callMs.length < minRuns || total < minTimeMs || precision.needsMore(runTotals, runTotals.length, total))) {
      if (hooks.signal?.aborted) return done(true);
      const c0 = process.cpuUsage();
      for (let i = 0; i < calls; i++) {
        const t0 = process.hrtime.bigint();
        call(i);
        buffer[i] = Number(process.hrtime.bigint() - t0) / 1e6;
      }
      const c1 = process.cpuUsage(c0);
      const nowSwitches = preemptions.read();
      cpuMs.push((c1.user + c1.system) / 1000);
      switches.push(nowSwitches - lastSwitches);
      lastSwitches = nowSwitches;
      let run = 0;
      for (let i = 0; i < calls; i++) run += buffer[i];
      total += run;
      runTotals.push(run);
      callMs.push(Array.from(buffer));
      hooks.onRun?.(callMs.length, total);
      await maybeYield();
    }
    return done(false);
  } finally {
    preemptions.close();
  }
}
