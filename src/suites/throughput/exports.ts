/** CI export figures of the throughput suite. */
import type { ExportFigure, ReportView } from '../contract.js';
import { ownEntries } from '../records.js';
import type { ThroughputResult } from './schema.js';

export function throughputExports(t: ThroughputResult, view: ReportView): ExportFigure[] {
  const context = `backend ${view.backend}, ${view.cores} cores`;
  const out: ExportFigure[] = [];
  for (const [name, c] of ownEntries(t.categories)) {
    out.push({ benchmark: `throughput/${name}`, measure: 'throughput', unit: 'instructions/s', value: c.instructionsPerSecond, ci: c.throughputSummary.ci95Median, better: 'higher', extra: `median of ${c.runs} runs, batch ${c.batchSize}; ${context}` });
    out.push({ benchmark: `throughput/${name}`, measure: 'batch-latency', unit: 'ms', value: c.batchLatencyMs.median, ci: c.batchLatencyMs.ci95Median, better: 'lower', extra: `one processBatch call of ${c.batchSize}; ${context}` });
    if (c.quality.constraintSatisfactionRate !== null) {
      out.push({ benchmark: `throughput/${name}`, measure: 'constraint-satisfaction', unit: '%', value: c.quality.constraintSatisfactionRate * 100, better: 'higher', extra: `${c.quality.satisfiedConstraints}/${c.quality.constraints} constraints of successful responses` });
    }
    const s = c.singleStream;
    if (s) {
      out.push({ benchmark: `latency/${name}`, measure: 'latency', unit: 'ms', value: s.latencyMs.median, ci: s.latencyMs.ci95Median, better: 'lower', extra: `single-stream p50, ${s.calls} calls × ${s.runs} runs; ${context}` });
      out.push({ benchmark: `latency p99/${name}`, measure: 'latency', unit: 'ms', value: s.latencyMs.p99, ci: s.ci95P99, better: 'lower', extra: `single-stream p99; ${context}` });
    }
  }
  return out;
}
