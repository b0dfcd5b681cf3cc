/**
 * `gasm profile`: where one instruction's time goes. After a warm-up, the instruction runs `runs` times through
 * the bridge three ways: plainly (stage timings, the reference), under tf.profile (per kernel), and with the
 * solver's phase observer (per phase). Profiling adds its own cost (tf.profile records every kernel; the phase
 * observer re-evaluates residuals), which is why the stage timings come from the plain runs.
 */
import { ConfigError } from '../errors.js';
import type { BridgeDescription, GasmBridge } from '../pipeline/bridge.js';
import type { StageTimings } from '../pipeline/types.js';
import { profileKernels, type KernelRow } from './kernels.js';
import { profileSolverPhases, type PhaseRow } from './solver-phases.js';

/** Default and largest number of profiled runs. */
export const DEFAULT_PROFILE_RUNS = 20;
export const MAX_PROFILE_RUNS = 10_000;
/** Untimed runs first (compiles kernels, grows buffers). */
export const PROFILE_WARMUP_RUNS = 3;

export interface ProfileResult {
  instruction: string;
  runs: number;
  bridge: BridgeDescription;
  /** Whether the instruction succeeded (on the last plain run), and its error if not. */
  success: boolean;
  error: string | null;
  /** Mean stage times per run from the plain runs, ms. */
  stagesMs: StageTimings;
  /** Mean wall time per plain run, ms. */
  wallMs: number;
  /** Kernels over all profiled runs, most time first. */
  kernels: KernelRow[];
  /** Solver phases over all profiled runs. */
  phases: PhaseRow[];
}

/** Profiles one instruction on a bridge (which it does not dispose). */
export async function profileInstruction(bridge: GasmBridge, instruction: string, runs = DEFAULT_PROFILE_RUNS): Promise<ProfileResult> {
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_PROFILE_RUNS) throw new ConfigError(`profile runs must be a whole number from 1 to ${MAX_PROFILE_RUNS}, got ${runs}`);
  if (bridge.describe().cache.mode !== 'off') throw new ConfigError('profile a bridge without a result cache: cached runs would skip the work being profiled');
  for (let i = 0; i < PROFILE_WARMUP_RUNS; i++) bridge.process(instruction);
  const stages: StageTimings = { preprocessingMs: 0, inferenceMs: 0, constraintSolvingMs: 0, postprocessingMs: 0 };
  let last = bridge.process(instruction);
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) {
    last = bridge.process(instruction);
    for (const key of Object.keys(stages) as (keyof StageTimings)[]) stages[key] += last.timings[key] / runs;
  }
  const wallMs = (performance.now() - t0) / runs;
  const kernels = await profileKernels(() => {
    for (let i = 0; i < runs; i++) bridge.process(instruction);
  });
  const phases = profileSolverPhases(() => {
    for (let i = 0; i < runs; i++) bridge.process(instruction);
  });
  return { instruction, runs, bridge: bridge.describe(), success: last.success, error: last.error ?? null, stagesMs: stages, wallMs, kernels, phases };
}
