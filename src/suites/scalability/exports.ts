/** CI export figures of the scalability suite. */
import type { ExportFigure, ReportView } from '../contract.js';
import type { ScalabilityResult } from './schema.js';

export function scalabilityExports(s: ScalabilityResult, view: ReportView): ExportFigure[] {
  const context = `backend ${view.backend}, ${view.cores} cores`;
  return [
    ...s.batch.map((p): ExportFigure => ({ benchmark: `scalability/batch-${p.batchSize}`, measure: 'throughput', unit: 'instructions/s', value: p.instructionsPerSecond, better: 'higher', extra: `${s.category}; ${context}` })),
    ...s.objects.map((p): ExportFigure => ({ benchmark: `scalability/objects-${p.objects}`, measure: 'latency', unit: 'ms', value: p.msPerInstruction, ci: p.summary.ci95Median, better: 'lower', extra: context })),
  ];
}
