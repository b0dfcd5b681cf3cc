/**
 * The gate's overall verdict from its per-metric comparisons, and the exit status it maps to.
 *  - regression: a metric regressed (statistically clear and beyond its threshold) → exit 1;
 *  - unmeasured: a metric one report holds too few samples (or no trials) for — missing evidence is not a
 *    pass → exit 1;
 *  - inconclusive: a wall-time change the busy machine explains (its CPU-time twin did not move), or a
 *    regression that a confirmation rerun did not see again → exit 0 with a warning, or 1 with `--strict`;
 *  - pass → exit 0.
 */
import type { GateResult, MetricComparison } from './compare.js';

export type GateVerdict = 'pass' | 'regression' | 'unmeasured' | 'inconclusive';

/** A compared metric with too few samples (or no trials) on one side to be compared at all. */
export function unmeasured(c: MetricComparison): boolean {
  return c.verdict === 'inconclusive' && c.inconclusiveCause === 'too-few-samples';
}

/** An inconclusive metric that is a warning, not missing evidence: a busy machine, an unconfirmed regression. */
export function busyInconclusive(c: MetricComparison): boolean {
  return c.verdict === 'inconclusive' && c.inconclusiveCause !== undefined && c.inconclusiveCause !== 'too-few-samples';
}

export function gateVerdict(result: GateResult): GateVerdict {
  if (result.comparisons.some((c) => c.verdict === 'regression')) return 'regression';
  if (result.comparisons.some(unmeasured)) return 'unmeasured';
  if (result.comparisons.some(busyInconclusive)) return 'inconclusive';
  return 'pass';
}

/** Whether the verdict fails the gate: regression and missing evidence always; inconclusive only when strict. */
export function verdictFails(verdict: GateVerdict, strict: boolean): boolean {
  return verdict === 'regression' || verdict === 'unmeasured' || (verdict === 'inconclusive' && strict);
}
