/**
 * `gasm profile`: where one instruction's time goes. After a warm-up, the instruction runs `runs` times through
 * the bridge three ways: plainly (stage timings, the reference), under tf.profile (per kernel), and with the
 * solver's phase observer (per phase). Profiling adds its own cost (tf.profile records every kernel; the phase
 * observer re-evaluates residuals), which is why the stage timings come from the plain runs: each run is timed
 * on its own and the figures are medians over runs (a mean of a few runs moves with one slow run), after a
 * warm-up long enough for the JIT and the backend's buffers to settle.
 */
import { ConfigError } from '../errors.js';
import { median } from '../stats/quantile.js';
import type { BridgeDescription, GasmBridge } from '../pipeline/bridge.js';
import type { StageTimings } from '../pipeline/types.js';
import { profileKernels, type KernelRow } from './kernels.js';
import { profileSolverPhases, type PhaseRow } from './solver-phases.js';

/** Default and largest number of profiled runs. */
export const DEFAULT_PROFILE_RUNS = 20;
export const MAX_PROFILE_RUNS = 10_000;
/** Untimed runs first (compiles kernels, grows buffers, lets the JIT settle): at least this many … */
export const PROFILE_WARMUP_RUNS = 3;
/** … and for at least this long (ms), up to PROFILE_WARMUP_MAX_RUNS. */
export const PROFILE_WARMUP_MS = 300;
export const PROFILE_WARMUP_MAX_RUNS = 2000;

export interface ProfileResult {
  instruction: string;
  runs: number;
  bridge: BridgeDescription;
  /** Whether the instruction succeeded (on the last plain run), and its error if not. */
  success: boolean;
  error: string | null;
  /** Median over the plain runs of each stage's time, ms. */
  stagesMs: StageTimings;
  /** Median wall time of a plain run, ms. */
  wallMs: number;
  /** Lowest and highest wall time of a plain run, ms (the spread behind the median). */
  wallRangeMs: [number, number];
  /** Untimed warm-up runs made first. */
  warmupRuns: number;
  /** Kernels over all profiled runs, most time first. */
  kernels: KernelRow[];
  /** Solver phases over all profiled runs. */
  phases: PhaseRow[];
}

/** Profiles one instruction on a bridge (which it does not dispose). */
export async function profileInstruction(bridge: GasmBridge, instruction: string, runs = DEFAULT_PROFILE_RUNS): Promise<ProfileResult> {
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_PROFILE_RUNS) throw new ConfigError(`profile runs must be a whole number from 1 to ${MAX_PROFILE_RUNS}, got ${runs}`);
  if (bridge.describe().cache.mode !== 'off') throw new ConfigError('profile a bridge without a result cache: cached runs would skip the work being profiled');
  let warmupRuns = 0;
  const warmupStart = performance.now();
  while (warmupRuns < PROFILE_WARMUP_RUNS || (performance.now() - warmupStart < PROFILE_WARMUP_MS && warmupRuns < PROFILE_WARMUP_MAX_RUNS)) {
    bridge.process(instruction);
    warmupRuns++;
  }
  const keys = ['preprocessingMs', 'inferenceMs', 'constraintSolvingMs', 'postprocessingMs'] as const;
  const perStage = keys.map(() => new Array<number>(runs));
  const walls = new Array<number>(runs);
  let last = bridge.process(instruction);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = bridge.process(instruction);
    walls[i] = performance.now() - t0;
    keys.forEach((key, k) => (perStage[k][i] = last.timings[key]));
  }
  const stages = Object.fromEntries(keys.map((key, k) => [key, median(perStage[k])])) as unknown as StageTimings;
  const wallMs = median(walls);
  const wallRangeMs: [number, number] = [Math.min(...walls), Math.max(...walls)];
  const kernels = await profileKernels(() => {
    for (let i = 0; i < runs; i++) bridge.process(instruction);
  });
  const phases = profileSolverPhases(() => {
    for (let i = 0; i < runs; i++) bridge.process(instruction);
  });
  return { instruction, runs, warmupRuns, bridge: bridge.describe(), success: last.success, error: last.error ?? null, stagesMs: stages, wallMs, wallRangeMs, kernels, phases };
}
