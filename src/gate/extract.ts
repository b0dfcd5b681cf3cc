/**
 * The metrics of one report, read from its raw samples and counts (never from its summaries, so that a
 * baseline folder can pool them). Metric ids are stable: `--metric` and `--threshold-for` name them.
 */
import type { BenchReport } from '../report/types.js';
import { MEMORY_FLOOR_BYTES, type Metric } from './metrics.js';

/** Every metric a report holds, keyed by id. */
export function extractMetrics(report: BenchReport): Map<string, Metric> {
  const out = new Map<string, Metric>();
  const put = (m: Metric) => out.set(m.id, m);
  for (const [name, c] of Object.entries(report.suites.throughput?.categories ?? {})) {
    put({ kind: 'samples', id: `throughput.${name}.instructionsPerSecond`, label: `throughput ${name}`, unit: 'instr/s', direction: 'higher', statistic: 'median', samples: c.samples.instructionsPerSecond });
    put({ kind: 'samples', id: `latency.${name}.median`, label: `latency p50 ${name}`, unit: 'ms', direction: 'lower', statistic: 'median', samples: c.samples.latencyMs });
    put({ kind: 'samples', id: `latency.${name}.p99`, label: `latency p99 ${name}`, unit: 'ms', direction: 'lower', statistic: 'p99', samples: c.samples.latencyMs });
    put({ kind: 'proportion', id: `quality.${name}.successRate`, label: `success rate ${name}`, unit: '', direction: 'higher', successes: c.quality.successes, trials: c.quality.responses });
    put({ kind: 'proportion', id: `quality.${name}.constraintSatisfactionRate`, label: `constraint satisfaction ${name}`, unit: '', direction: 'higher', successes: c.quality.satisfiedConstraints, trials: c.quality.constraints });
  }
  const s = report.suites.scalability;
  for (const p of s?.batch ?? []) {
    put({ kind: 'samples', id: `scalability.batch.${p.batchSize}.msPerInstruction`, label: `ms/instruction at batch ${p.batchSize}`, unit: 'ms', direction: 'lower', statistic: 'median', samples: p.samples });
  }
  for (const p of s?.objects ?? []) {
    put({ kind: 'samples', id: `scalability.objects.${p.objects}.msPerInstruction`, label: `ms/instruction at ${p.objects} objects`, unit: 'ms', direction: 'lower', statistic: 'median', samples: p.samples });
  }
  for (const [name, c] of Object.entries(report.suites.memory?.categories ?? {})) {
    put({ kind: 'samples', id: `memory.${name}.retainedBytesPerInstruction`, label: `retained heap ${name}`, unit: 'B/instr', direction: 'lower', statistic: 'mean', samples: c.samples, absoluteFloor: MEMORY_FLOOR_BYTES });
  }
  const p = report.suites.parallel;
  if (p) put({ kind: 'samples', id: 'parallel.speedup', label: `parallel speedup (${p.workers} workers)`, unit: '×', direction: 'higher', statistic: 'median', samples: p.samples.speedup });
  return out;
}
