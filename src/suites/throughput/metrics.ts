/**
 * Gate metrics of the throughput suite. Timing metrics have one sample per measured run (unit 'run'): the
 * calls or batches inside a run share its machine state and are not independent. Quality rates count
 * instructions as trials.
 */
import { median } from '../../stats/quantile.js';
import type { Metric } from '../contract.js';
import { ownEntries } from '../records.js';
import type { ThroughputResult } from './schema.js';

export function throughputMetrics(t: ThroughputResult): Metric[] {
  const out: Metric[] = [];
  for (const [name, c] of ownEntries(t.categories)) {
    const cpuId = `throughput.${name}.cpuInstructionsPerSecond`;
    const cpuSamples = c.samples.cpuMs.filter((x) => x > 0).map((x) => (c.instructions / x) * 1000);
    out.push({ kind: 'samples', id: `throughput.${name}.instructionsPerSecond`, label: `throughput ${name}`, unit: 'instr/s', direction: 'higher', statistic: 'median', samples: c.samples.instructionsPerSecond, unitOfIndependence: 'run', measure: 'wall', ...(cpuSamples.length > 0 ? { lowNoiseTwin: cpuId } : {}) });
    if (cpuSamples.length > 0) {
      out.push({ kind: 'samples', id: cpuId, label: `throughput per CPU second ${name}`, unit: 'instr/CPU-s', direction: 'higher', statistic: 'median', samples: cpuSamples, unitOfIndependence: 'run', measure: 'cpu' });
    }
    out.push({ kind: 'samples', id: `latency.${name}.batch`, label: `batch latency ${name} (batch ${c.batchSize})`, unit: 'ms', direction: 'lower', statistic: 'median', samples: c.samples.batchMs.filter((b) => b.length > 0).map((b) => median(b)), unitOfIndependence: 'run', measure: 'wall' });
    const ss = c.singleStream;
    if (ss) {
      out.push({ kind: 'samples', id: `latency.${name}.median`, label: `single-stream latency p50 ${name}`, unit: 'ms', direction: 'lower', statistic: 'median', samples: ss.samples.runP50, unitOfIndependence: 'run', measure: 'wall' });
      out.push({ kind: 'samples', id: `latency.${name}.p90`, label: `single-stream latency p90 ${name}`, unit: 'ms', direction: 'lower', statistic: 'median', samples: ss.samples.runP90, unitOfIndependence: 'run', measure: 'wall' });
      out.push({ kind: 'samples', id: `latency.${name}.p99`, label: `single-stream latency p99 ${name}`, unit: 'ms', direction: 'lower', statistic: 'median', samples: ss.samples.runP99, unitOfIndependence: 'run', measure: 'wall' });
    }
    out.push({ kind: 'proportion', id: `quality.${name}.successRate`, label: `success rate ${name}`, unit: '', direction: 'higher', successes: c.quality.successes, trials: c.quality.responses });
    out.push({ kind: 'proportion', id: `quality.${name}.constraintSatisfactionRate`, label: `constraints met ${name} (successful responses)`, unit: '', direction: 'higher', successes: c.quality.satisfiedConstraints, trials: c.quality.constraints });
  }
  return out;
}
