/**
 * Step detection over a history, after asv (airspeed velocity, `asv.step_detect`): a metric's level changes
 * at a commit when its value there moves beyond a relative threshold (default 5%) from the level of the
 * commits before it, and the next commits confirm the move. asv fits a regularised piecewise-constant model;
 * this is the sequential form of the same rule, linear in the number of commits:
 *
 * - the level before commit i is the median of the values since the last step (at most `window` of them,
 *   and at least `minBefore`), so one outlier neither makes nor hides a step;
 * - commit i is a step when |v_i / level − 1| ≥ threshold and each of the next `confirm` values also lies
 *   beyond the threshold on the same side; the step is reported at i, the first commit where it appears;
 * - the level after it is the median of v_i and its confirming values; detection resumes from i.
 *
 * A move at the last `confirm` commits cannot be confirmed yet and is returned as pending.
 */
import { median } from '../stats/quantile.js';

/** Default relative threshold of a step. */
export const DEFAULT_STEP_THRESHOLD = 0.05;
/** Default number of following commits that must confirm a step. */
export const DEFAULT_STEP_CONFIRM = 2;
/** Most commits the level before a candidate is taken over. */
export const DEFAULT_STEP_WINDOW = 10;
/** Fewest commits the level before a candidate is taken over. */
export const MIN_LEVEL_POINTS = 2;

export interface StepOptions {
  /** Relative change, e.g. 0.05 for 5%. */
  threshold?: number;
  confirm?: number;
  window?: number;
}

/** A change of level. */
export interface Step {
  /** Index of the first value at the new level. */
  index: number;
  before: number;
  after: number;
  /** after / before − 1. */
  change: number;
}

/** Steps in a series of per-commit values (oldest first; non-finite values are skipped). */
export function detectSteps(values: readonly (number | null)[], options: StepOptions = {}): { steps: Step[]; pending: Step[] } {
  const threshold = options.threshold ?? DEFAULT_STEP_THRESHOLD;
  const confirm = options.confirm ?? DEFAULT_STEP_CONFIRM;
  const window = options.window ?? DEFAULT_STEP_WINDOW;
  // Keep the original indices of the finite values.
  const at: number[] = [];
  const v: number[] = [];
  values.forEach((x, i) => {
    if (x !== null && Number.isFinite(x)) {
      at.push(i);
      v.push(x);
    }
  });
  const steps: Step[] = [];
  const pending: Step[] = [];
  let start = 0;
  for (let i = start + MIN_LEVEL_POINTS; i < v.length; i++) {
    if (i - start < MIN_LEVEL_POINTS) continue;
    const level = median(v.slice(Math.max(start, i - window), i));
    if (!(level > 0)) continue;
    const change = v[i] / level - 1;
    if (Math.abs(change) < threshold) continue;
    const sign = Math.sign(change);
    const following = v.slice(i + 1, i + 1 + confirm);
    const agrees = following.every((x) => Math.sign(x / level - 1) === sign && Math.abs(x / level - 1) >= threshold);
    if (!agrees) continue;
    const after = median([v[i], ...following]);
    const step = { index: at[i], before: level, after, change: after / level - 1 };
    if (following.length < confirm) {
      pending.push(step);
      break;
    }
    steps.push(step);
    start = i;
  }
  return { steps, pending };
}
