/**
 * Warm-up until steady state. A fixed warm-up time is a guess: here the pipeline's CPU time per run still fell
 * by 4–6 % during the first second after a 0.5 s warm-up (V8 keeps optimising hot code on background threads),
 * and on a busy machine those threads get less CPU, so the same warm-up ends earlier in the process's life and
 * the measured runs start slower. The run then carries a warm-up effect that a gate reads as a regression.
 *
 * So, after the least warm-up (count and time), warm-up goes on in windows of about `windowMs` and stops when
 * the median CPU time per run of `stableWindows` consecutive windows no longer falls by more than `tolerance`
 * against the window before each (steady), or after `maxMs` of warm-up in all (not steady: the report says so).
 * CPU time, not wall time, so that preemptions by other processes do not read as progress or regress.
 */
import { median } from '../stats/quantile.js';

export interface SteadyWarmup {
  /** Most warm-up time in all, ms (including the least warm-up); 0 turns the steady-state search off. */
  maxMs: number;
  /** Length of one window, ms. */
  windowMs: number;
  /** A window within this share of the one before (not faster by more) counts as stable. */
  tolerance: number;
  /** Consecutive stable windows that make steady state. */
  stableWindows: number;
}

export const DEFAULT_STEADY_WARMUP: Omit<SteadyWarmup, 'maxMs'> = { windowMs: 250, tolerance: 0.01, stableWindows: 2 };

/**
 * Whether the windows' medians (oldest first) end in `stableWindows` windows none of which is faster than
 * the window before it by more than `tolerance`.
 */
export function reachedSteadyState(windowMedians: readonly number[], tolerance: number, stableWindows: number): boolean {
  if (windowMedians.length < stableWindows + 1) return false;
  for (let k = windowMedians.length - stableWindows; k < windowMedians.length; k++) {
    const before = windowMedians[k - 1];
    const now = windowMedians[k];
    if (!(now >= before * (1 - tolerance))) return false;
  }
  return true;
}

/** Collects CPU times per run into windows and says when warm-up may stop. */
export class SteadyWarmupTracker {
  private window: number[] = [];
  private windowStart = Number.NaN;
  readonly windowMedians: number[] = [];
  constructor(private readonly options: SteadyWarmup) {}

  /** Adds one warm-up run's CPU time, read at `nowMs`; true once steady state is reached. */
  add(cpuMs: number, nowMs: number): boolean {
    if (Number.isNaN(this.windowStart)) this.windowStart = nowMs;
    this.window.push(cpuMs);
    if (nowMs - this.windowStart < this.options.windowMs) return false;
    this.windowMedians.push(median(this.window));
    this.window = [];
    this.windowStart = Number.NaN;
    return reachedSteadyState(this.windowMedians, this.options.tolerance, this.options.stableWindows);
  }
}
