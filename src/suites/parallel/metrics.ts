/** Gate metrics of the parallel suite: speedup per repetition, and the machine's capacity beside it. */
import type { Metric } from '../contract.js';
import type { ParallelResult } from './schema.js';

export function parallelMetrics(p: ParallelResult): Metric[] {
  const out: Metric[] = [{ kind: 'samples', id: 'parallel.speedup', label: `parallel speedup (${p.workers} workers)`, unit: '×', direction: 'higher', statistic: 'median', samples: p.samples.speedup, unitOfIndependence: 'repetition', measure: 'ratio' }];
  if (p.samples.machineSpeedup.length > 0) {
    out.push({ kind: 'samples', id: 'parallel.machine.speedup', label: `machine capacity (${p.workers} workers, plain arithmetic)`, unit: '×', direction: 'higher', statistic: 'median', samples: p.samples.machineSpeedup, unitOfIndependence: 'repetition', measure: 'ratio' });
  }
  return out;
}
