/** Gate metrics of the scalability suite: ms per instruction per sweep point, one sample per run. */
import type { Metric } from '../contract.js';
import type { ScalabilityResult } from './schema.js';

export function scalabilityMetrics(s: ScalabilityResult): Metric[] {
  return [
    ...s.batch.map((p): Metric => ({ kind: 'samples', id: `scalability.batch.${p.batchSize}.msPerInstruction`, label: `ms/instruction at batch ${p.batchSize}`, unit: 'ms', direction: 'lower', statistic: 'median', samples: p.samples, unitOfIndependence: 'run', measure: 'wall' })),
    ...s.objects.map((p): Metric => ({ kind: 'samples', id: `scalability.objects.${p.objects}.msPerInstruction`, label: `ms/instruction at ${p.objects} objects`, unit: 'ms', direction: 'lower', statistic: 'median', samples: p.samples, unitOfIndependence: 'run', measure: 'wall' })),
  ];
}
