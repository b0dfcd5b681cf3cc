/** Gate metrics of the compare suite: one sample per interleaved round. */
import type { Metric } from '../contract.js';
import type { CompareResult } from './schema.js';

export function compareMetrics(c: CompareResult): Metric[] {
  const out: Metric[] = [];
  c.variants.forEach((v, i) => {
    out.push({ kind: 'samples', id: `compare.${v.name}.throughput`, label: `${v.name}: instr/s`, unit: 'instr/s', direction: 'higher', statistic: 'median', samples: v.samples, unitOfIndependence: 'round', measure: 'wall' });
    if (i > 0) out.push({ kind: 'samples', id: `compare.${v.name}.ratio`, label: `${v.name} / ${c.variants[0].name}: throughput ratio`, unit: '×', direction: 'higher', statistic: 'median', samples: v.roundRatios, unitOfIndependence: 'round', measure: 'ratio' });
    // Trials are the distinct instructions (deterministic answers: a repeat is not a new trial); reports made
    // before those counts were recorded fall back to the responses.
    const q = v.quality;
    const distinct = q.instructions !== undefined && q.instructionSuccesses !== undefined;
    out.push({
      kind: 'proportion',
      id: `compare.${v.name}.success`,
      label: `${v.name}: success rate${distinct ? ' (each distinct instruction once)' : ' (every response)'}`,
      unit: '%',
      direction: 'higher',
      successes: distinct ? q.instructionSuccesses! : q.successes,
      trials: distinct ? q.instructions! : q.responses,
      // An instruction counts as a success only when every answer to it succeeded: the rate over them is exact.
      ...(distinct ? { exact: true } : {}),
    });
  });
  return out;
}
