/** CI export figures of the compare suite. */
import type { ExportFigure, ReportView } from '../contract.js';
import type { CompareResult } from './schema.js';

export function compareExports(c: CompareResult, view: ReportView): ExportFigure[] {
  const context = `backend ${view.backend}, ${view.cores} cores, ${c.rounds} interleaved rounds`;
  const out: ExportFigure[] = [];
  c.variants.forEach((v, i) => {
    out.push({ benchmark: `compare/${v.name}`, measure: 'throughput', unit: 'instructions/s', value: v.instructionsPerSecond, ci: v.throughputCi95, better: 'higher', extra: `batch ${v.batchSize}; ${context}` });
    if (i > 0) out.push({ benchmark: `compare/${v.name}`, measure: 'ratio', unit: '×', value: v.ratio.value, ci: v.ratio.ci95, better: 'higher', extra: `vs ${c.variants[0].name}, paired by round; ${context}` });
  });
  return out;
}
