/**
 * The one place history reads a report's metrics: through each registered suite's `metrics()` (the Suite
 * contract, src/suites/registry.ts), so a new suite is recorded without any change here.
 */
import type { Metric } from '../suites/contract.js';
import { SUITE_LIST } from '../suites/registry.js';
import type { BenchReport } from '../report/types.js';

/** A metric as history records it: samples compared through a statistic, or a rate of successes. */
export type ReportMetric = Metric;

/** Every metric of a report, in a stable order (by id); a later duplicate id is dropped. */
export function metricsOfReport(report: BenchReport): ReportMetric[] {
  const results = report.suites as Record<string, unknown>;
  const byId = new Map<string, ReportMetric>();
  for (const suite of SUITE_LIST) {
    const result = Object.hasOwn(results, suite.name) ? results[suite.name] : undefined;
    if (result === undefined || result === null) continue;
    for (const m of suite.metrics(result) as ReportMetric[]) if (!byId.has(m.id)) byId.set(m.id, m);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
