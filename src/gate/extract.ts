/**
 * The metrics of one report, from each registered suite's `metrics` (read from raw per-run samples and counts,
 * never from summaries, so a baseline folder can pool them). Samples are one per independent unit (run,
 * repetition, …): the gate bootstraps over runs, never over instructions inside a run.
 */
import type { BenchReport } from '../report/types.js';
import type { Metric } from '../suites/contract.js';
import { ownGet } from '../suites/records.js';
import { SUITE_LIST } from '../suites/registry.js';

/** Every metric a report holds, keyed by id. */
export function extractMetrics(report: BenchReport): Map<string, Metric> {
  const out = new Map<string, Metric>();
  const suites = report.suites as Record<string, unknown>;
  for (const suite of SUITE_LIST) {
    const result = ownGet(suites, suite.name);
    if (result === undefined) continue;
    for (const m of suite.metrics(result)) out.set(m.id, m);
  }
  return out;
}
