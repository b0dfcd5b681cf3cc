/** CI export figures of the scalability suite. */
import type { ExportFigure, ReportView } from '../contract.js';
import type { ScalabilityResult } from './schema.js';

export function scalabilityExports(s: ScalabilityResult, view: ReportView): ExportFigure[] {
  const context = `backend ${view.backend}, ${view.cores} cores`;
  return [
    ...s.batch.map((p): ExportFigure => ({ benchmark: `scalability/batch-${p.batchSize}`, measure: 'throughput', unit: 'instructions/s', value: p.instructionsPerSecond, ci: [1000 / p.summary.ci95Median[1], 1000 / p.summary.ci95Median[0]], better: 'higher', extra: `${s.category}; ${context}` })),
    ...(s.gain ? [{ benchmark: 'scalability/batching-gain', measure: 'gain', unit: 'x', value: s.gain.value, ci: s.gain.ci95, better: 'higher' as const, extra: `batch ${s.gain.from} → ${s.gain.to}, ${s.category}; ${context}` }] : []),
    ...(s.upperFit ? [{ benchmark: 'scalability/growth-exponent', measure: 'exponent', unit: 'N^b', value: s.upperFit.exponent, ci: s.upperFit.ci95, better: 'lower' as const, extra: `power law over ${s.upperFit.from}–${s.upperFit.to} objects${s.bigO ? `, best model ${s.bigO.best}` : ''}; ${context}` }] : []),
    ...s.objects.map((p): ExportFigure => ({ benchmark: `scalability/objects-${p.objects}`, measure: 'latency', unit: 'ms', value: p.msPerInstruction, ci: p.summary.ci95Median, better: 'lower', extra: context })),
  ];
}
