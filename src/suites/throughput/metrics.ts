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
    // Wall-time metrics of the case name its CPU-time twin and carry the case's noise figure, so that the gate
    // can tell a busy machine (wall time moves, CPU time does not) from a slower build.
    const wall = { unitOfIndependence: 'run' as const, measure: 'wall' as const, ...(cpuSamples.length > 0 ? { lowNoiseTwin: cpuId } : {}), ...(c.noise ? { noise: c.noise } : {}) };
    out.push({ kind: 'samples', id: `throughput.${name}.instructionsPerSecond`, label: `throughput ${name}`, unit: 'instr/s', direction: 'higher', statistic: 'median', samples: c.samples.instructionsPerSecond, ...wall });
    if (cpuSamples.length > 0) {
      // p90 of instructions per CPU second = the CPU time of the least disturbed runs (p10): contention from
      // other processes (caches and branch predictors refilled after each preemption) only adds CPU time, so
      // a low quantile moves least when the machine is busy (Chen & Revels 2016, "Robust benchmarking in
      // noisy environments": noise is positive; the minimum is the robust estimate — a low quantile keeps
      // that robustness without resting on a single run).
      out.push({ kind: 'samples', id: cpuId, label: `throughput per CPU second ${name} (p90 of runs: the least disturbed)`, unit: 'instr/CPU-s', direction: 'higher', statistic: 'p90', samples: cpuSamples, unitOfIndependence: 'run', measure: 'cpu', ...(c.noise ? { noise: c.noise } : {}) });
    }
    out.push({ kind: 'samples', id: `latency.${name}.batch`, label: `batch latency ${name} (batch ${c.batchSize})`, unit: 'ms', direction: 'lower', statistic: 'median', samples: c.samples.batchMs.filter((b) => b.length > 0).map((b) => median(b)), ...wall });
    const ss = c.singleStream;
    if (ss) {
      out.push({ kind: 'samples', id: `latency.${name}.median`, label: `single-stream latency p50 ${name}`, unit: 'ms', direction: 'lower', statistic: 'median', samples: ss.samples.runP50, ...wall });
      out.push({ kind: 'samples', id: `latency.${name}.p90`, label: `single-stream latency p90 ${name}`, unit: 'ms', direction: 'lower', statistic: 'median', samples: ss.samples.runP90, ...wall });
      out.push({ kind: 'samples', id: `latency.${name}.p99`, label: `single-stream latency p99 ${name}`, unit: 'ms', direction: 'lower', statistic: 'median', samples: ss.samples.runP99, ...wall });
    }
    out.push({ kind: 'proportion', id: `quality.${name}.successRate`, label: `success rate ${name}`, unit: '', direction: 'higher', successes: c.quality.successes, trials: c.quality.responses });
    out.push({ kind: 'proportion', id: `quality.${name}.constraintSatisfactionRate`, label: `constraints met ${name} (successful responses)`, unit: '', direction: 'higher', successes: c.quality.satisfiedConstraints, trials: c.quality.constraints });
  }
  return out;
}
