/** Gate metrics of the compare suite: one sample per interleaved round. */
import type { Metric } from '../contract.js';
import type { CompareResult } from './schema.js';

export function compareMetrics(c: CompareResult): Metric[] {
  const out: Metric[] = [];
  c.variants.forEach((v, i) => {
    out.push({ kind: 'samples', id: `compare.${v.name}.throughput`, label: `${v.name}: instr/s`, unit: 'instr/s', direction: 'higher', statistic: 'median', samples: v.samples, unitOfIndependence: 'round', measure: 'wall' });
    if (i > 0) out.push({ kind: 'samples', id: `compare.${v.name}.ratio`, label: `${v.name} / ${c.variants[0].name}: throughput ratio`, unit: '×', direction: 'higher', statistic: 'median', samples: v.roundRatios, unitOfIndependence: 'round', measure: 'ratio' });
    out.push({ kind: 'proportion', id: `compare.${v.name}.success`, label: `${v.name}: success rate`, unit: '%', direction: 'higher', successes: v.quality.successes, trials: v.quality.responses });
  });
  return out;
}
