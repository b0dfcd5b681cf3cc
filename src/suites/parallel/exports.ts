/** CI export figures of the parallel suite. */
import type { ExportFigure, ReportView } from '../contract.js';
import type { ParallelResult } from './schema.js';

export function parallelExports(p: ParallelResult, view: ReportView): ExportFigure[] {
  return [
    { benchmark: `parallel/${p.workers}-workers`, measure: 'efficiency', unit: '%', value: p.efficiency * 100, ci: [p.efficiencyCi95[0] * 100, p.efficiencyCi95[1] * 100], better: 'higher', extra: `speedup / workers; backend ${view.backend}, ${view.cores} cores` },
    { benchmark: `parallel/${p.workers}-workers`, measure: 'speedup', unit: 'x', value: p.speedup, ci: p.speedupCi95, better: 'higher', extra: `efficiency ${(p.efficiency * 100).toFixed(1)}%, machine ${p.machine.speedup.toFixed(2)}x; backend ${view.backend}, ${view.cores} cores` },
  ];
}
