/**
 * Parallel suite: N worker threads, each with its own bridge and its own share of instructions (sent once and
 * kept). Each repetition measures, by the same method, each worker alone (the sequential reference: the sum
 * of their times) and all together (wall time = latest end − earliest start on the shared clock), both
 * started by a barrier and timed by the workers themselves, so both sides pay the same costs and nothing is
 * transferred inside a timed region. Phases are sized by time (at least --min-time of work per worker).
 * Beside it, the same measurement with plain CPU-bound arithmetic gives the machine's own capacity.
 */
import { DEFAULT_PARALLEL_REPETITIONS, WORKER_TIMEOUT_MS } from '../../bench/constants.js';
import { collectGarbage } from '../../bench/gc.js';
import { readCategory } from '../../bench/instruction-files.js';
import { cycle } from '../../bench/response-tally.js';
import { phaseWallMs, WorkerPool, type PhaseOutcome } from '../../bench/worker-pool.js';
import { workerScriptBeside } from '../../bench/worker-script.js';
import { times, withInterval } from '../../format/numbers.js';
import { median } from '../../stats/quantile.js';
import type { RunContext, SuiteOutcome } from '../contract.js';
import { relativeMedianCiWidth } from '../../stats/median-precision.js';
import { medianOfRatios, pairedRatioOfMedians } from '../ratio-interval.js';
import type { ParallelOptions } from './options.js';
import type { Workload } from './protocol.js';
import type { ParallelResult, WorkerResult } from './schema.js';

const SUITE = 'parallel';
/** Plain-arithmetic phases last about this long per worker (capped by --min-time), ms. */
const MACHINE_PHASE_MS = 300;
/** xorshift steps of the spin calibration. */
const SPIN_PROBE = 2_000_000;
/** Calibration phases of one worker alone; the fastest sets the pass count, so a phase is never shorter than --min-time on a quiet machine. */
const CALIBRATION_PHASES = 3;

/** Where the worker entry is: replaced by tests with a worker that injects faults. */
export interface ParallelDeps {
  workerScript: { url: URL; argv: string[] };
}

const defaultDeps = (): ParallelDeps => ({ workerScript: workerScriptBeside(import.meta.url, 'worker') });

const ownMs = (o: PhaseOutcome): number => Number(o.endNs - o.startNs) / 1e6;

interface Tally {
  alone: number[];
  together: number[];
  instructions: number;
}

/** One repetition of one workload: each worker alone, then all together (or the reverse); null if none succeeded. */
async function repetition(pool: WorkerPool, workload: Workload, reverse: boolean, tallies: Map<number, Tally> | null): Promise<{ sequentialMs: number; parallelMs: number } | null> {
  const alone = new Map<number, PhaseOutcome>();
  const runAlone = async () => {
    for (const id of pool.ids) {
      collectGarbage();
      const [o] = await pool.phase(workload, [id]);
      if (o && !o.error) alone.set(id, o);
    }
  };
  let together: PhaseOutcome[] = [];
  const runTogether = async () => {
    collectGarbage();
    together = await pool.phase(workload);
  };
  if (reverse) {
    await runTogether();
    await runAlone();
  } else {
    await runAlone();
    await runTogether();
  }
  const ok = together.filter((o) => !o.error && alone.has(o.worker));
  if (ok.length === 0) return null;
  for (const o of ok) {
    const t = tallies?.get(o.worker);
    if (t) {
      t.alone.push(ownMs(alone.get(o.worker)!));
      t.together.push(ownMs(o));
      t.instructions += o.instructions + alone.get(o.worker)!.instructions;
    }
  }
  return { sequentialMs: ok.reduce((s, o) => s + ownMs(alone.get(o.worker)!), 0), parallelMs: phaseWallMs(ok) };
}

/** Fastest own time of one worker alone over a few phases of `workload` (noise only ever slows a phase). */
async function calibrate(pool: WorkerPool, workload: Workload): Promise<number> {
  const id = pool.ids.find((i) => !pool.failureOf(i));
  if (id === undefined) return Number.NaN;
  const ms: number[] = [];
  for (let k = 0; k < CALIBRATION_PHASES; k++) {
    const [o] = await pool.phase(workload, [id]);
    if (o && !o.error) ms.push(ownMs(o));
  }
  return ms.length > 0 ? Math.min(...ms) : Number.NaN;
}

export async function runParallel(ctx: RunContext, options: ParallelOptions, deps: ParallelDeps = defaultDeps()): Promise<SuiteOutcome<ParallelResult>> {
  let pool: WorkerPool | null = null;
  try {
    const instructions = await readCategory(options.category);
    const batches = Math.ceil(Math.max(instructions.length, options.batchSize) / options.batchSize);
    const share = cycle(instructions, batches * options.batchSize);
    ctx.progress({ suite: SUITE, case: `starting ${options.workers} workers` });
    const setups = Array.from({ length: options.workers }, (_, worker) => ({ worker, bridge: ctx.bridgeConfig, batchSize: options.batchSize }));
    pool = await WorkerPool.start(deps.workerScript, setups, options.workerTimeoutMs ?? WORKER_TIMEOUT_MS);
    await pool.load(new Map(pool.ids.map((id) => [id, share])));
    // Warm-up: every worker together, at least the warm-up count and time.
    ctx.progress({ suite: SUITE, case: 'warm-up' });
    const warmEnd = performance.now() + (ctx.policy.warmupTimeMs ?? 0);
    for (let k = 0; k < Math.max(1, ctx.policy.warmup) || performance.now() < warmEnd; k++) {
      if (ctx.signal.aborted) return { status: 'aborted', result: null };
      await pool.phase({ kind: 'pipeline', passes: 1 });
    }
    const passMs = await calibrate(pool, { kind: 'pipeline', passes: 1 });
    if (!Number.isFinite(passMs)) throw new Error(`every worker failed: ${pool.ids.map((id) => pool!.failureOf(id)).filter(Boolean).join('; ')}`);
    const passes = Math.max(1, Math.ceil(ctx.policy.minTimeMs / Math.max(passMs, 1e-3)));
    await pool.phase({ kind: 'spin', iterations: SPIN_PROBE });
    const probeMs = await calibrate(pool, { kind: 'spin', iterations: SPIN_PROBE });
    const machineMs = Math.min(MACHINE_PHASE_MS, Math.max(50, ctx.policy.minTimeMs));
    const spinIterations = Math.max(SPIN_PROBE, Math.round((SPIN_PROBE * machineMs) / Math.max(probeMs, 1e-3)));
    const repetitions = options.repetitions ?? ctx.policy.runs ?? DEFAULT_PARALLEL_REPETITIONS;
    const tallies = new Map<number, Tally>(pool.ids.map((id) => [id, { alone: [], together: [], instructions: 0 }]));
    const sequentialMs: number[] = [];
    const parallelMs: number[] = [];
    const speedup: number[] = [];
    const machineSpeedup: number[] = [];
    const machineAlone: number[] = [];
    // Repetitions where both the pipeline and the machine were measured: the pair for the relative figure.
    const paired = { pipeline: [] as number[], machine: [] as number[] };
    let aborted = false;
    const started = performance.now();
    const caseName = `${options.workers} workers`;
    ctx.sampler.markCase(SUITE, caseName, 'start');
    // Past the planned repetitions, more while the speedup's interval is too wide to say anything, up to the
    // precision budget (--target-ci, --max-time), unless the count was fixed (--parallel-repetitions, --runs).
    const precision = options.repetitions === null && ctx.policy.runs === null ? ctx.policy.precision : undefined;
    let extraSince = Number.NaN;
    const wantsMore = (): boolean => {
      if (!precision || relativeMedianCiWidth(speedup) <= precision.relativeCiWidth) return false;
      if (Number.isNaN(extraSince)) extraSince = performance.now();
      return performance.now() - extraSince < precision.maxTimeMs;
    };
    for (let rep = 0; rep < repetitions || wantsMore(); rep++) {
      if (ctx.signal.aborted) {
        aborted = true;
        break;
      }
      if (pool.healthy === 0) break;
      ctx.progress({ suite: SUITE, case: caseName, run: rep + 1, of: rep < repetitions ? repetitions : undefined, elapsedMs: performance.now() - started });
      const reverse = rep % 2 === 1;
      const p = await repetition(pool, { kind: 'pipeline', passes }, reverse, tallies);
      const m = await repetition(pool, { kind: 'spin', iterations: spinIterations }, reverse, null);
      ctx.sampler.publishHeap();
      if (!p) continue;
      sequentialMs.push(p.sequentialMs);
      parallelMs.push(p.parallelMs);
      speedup.push(p.sequentialMs / p.parallelMs);
      if (m) {
        machineSpeedup.push(m.sequentialMs / m.parallelMs);
        machineAlone.push(m.sequentialMs / options.workers);
        paired.pipeline.push(p.sequentialMs / p.parallelMs);
        paired.machine.push(m.sequentialMs / m.parallelMs);
      }
    }
    ctx.sampler.markCase(SUITE, caseName, 'end');
    const perWorker: WorkerResult[] = pool.ids.map((id) => {
      const t = tallies.get(id)!;
      const error = pool!.failureOf(id);
      return { worker: id, instructions: t.instructions, aloneMs: t.alone.length ? median(t.alone) : Number.NaN, togetherMs: t.together.length ? median(t.together) : Number.NaN, ...(error && error !== 'closed' ? { error } : {}) };
    }).map((w) => ({ ...w, aloneMs: Number.isFinite(w.aloneMs) ? w.aloneMs : 0, togetherMs: Number.isFinite(w.togetherMs) ? w.togetherMs : 0 }));
    if (speedup.length === 0) {
      if (aborted) return { status: 'aborted', result: null };
      throw new Error(`every worker failed: ${perWorker.filter((w) => w.error).map((w) => w.error).join('; ')}`);
    }
    const s = medianOfRatios(speedup);
    const machine = machineSpeedup.length ? medianOfRatios(machineSpeedup) : { value: Number.NaN, ci95: [Number.NaN, Number.NaN] as [number, number] };
    const n = options.workers;
    const result: ParallelResult = {
      workers: n,
      category: options.category,
      batchSize: options.batchSize,
      sharePerWorker: share.length,
      passes,
      instructions: share.length * passes * n,
      repetitions: speedup.length,
      sequentialMs: median(sequentialMs),
      parallelMs: median(parallelMs),
      speedup: s.value,
      speedupCi95: s.ci95,
      efficiency: s.value / n,
      efficiencyCi95: [s.ci95[0] / n, s.ci95[1] / n],
      machine: { speedup: machine.value, ci95: machine.ci95, efficiency: machine.value / n, msPerWorker: machineAlone.length ? median(machineAlone) : 0 },
      relativeToMachine: s.value / machine.value,
      relativeToMachineCi95: pairedRatioOfMedians(paired.pipeline, paired.machine).ci95,
      perWorker,
      failedWorkers: perWorker.filter((w) => w.error).length,
      samples: { sequentialMs, parallelMs, speedup, machineSpeedup },
    };
    if (result.failedWorkers > 0) ctx.warn('WORKER_FAILED', `parallel: ${result.failedWorkers} of ${n} workers failed: ${perWorker.filter((w) => w.error).map((w) => w.error).join('; ')}`);
    ctx.progress({ suite: SUITE, case: caseName, done: { figure: `speedup ${withInterval(result.speedup, result.speedupCi95, times)}, machine ${withInterval(result.machine.speedup, result.machine.ci95, times)}`, runs: result.repetitions, ms: performance.now() - started } });
    return aborted ? { status: 'aborted', result } : { status: 'ok', result };
  } catch (error) {
    return { status: 'failed', error: error instanceof Error ? error.message : String(error), result: null };
  } finally {
    await pool?.close();
  }
}
