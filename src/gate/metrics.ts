/**
 * The metrics the gate compares, read from a report's raw samples. Direction (higher or lower is better)
 * is part of each metric's definition.
 */
import type { BenchReport } from '../report/types.js';

export type Direction = 'higher' | 'lower';
export type Statistic = 'median' | 'mean' | 'p99';

/** A timing-like metric: samples compared through a statistic. */
export interface SampleMetric {
  kind: 'samples';
  id: string;
  label: string;
  unit: string;
  direction: Direction;
  statistic: Statistic;
  samples: number[];
  /** Changes smaller than this in absolute value (in `unit`) are never regressions (memory noise floor). */
  absoluteFloor?: number;
}

/** A rate: successes out of trials, compared as a difference of proportions. */
export interface ProportionMetric {
  kind: 'proportion';
  id: string;
  label: string;
  unit: string;
  direction: 'higher';
  successes: number;
  trials: number;
}

export type Metric = SampleMetric | ProportionMetric;

/** Retained heap changes under 1 KiB per instruction are within GC noise and never fail the gate. */
export const MEMORY_FLOOR_BYTES = 1024;

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

/** Pools the metrics of several baseline reports: samples and counts are concatenated per id. */
export function poolMetrics(reports: BenchReport[]): Map<string, Metric> {
  const pooled = new Map<string, Metric>();
  for (const report of reports) {
    for (const [id, m] of extractMetrics(report)) {
      const have = pooled.get(id);
      if (!have) pooled.set(id, m.kind === 'samples' ? { ...m, samples: [...m.samples] } : { ...m });
      else if (have.kind === 'samples' && m.kind === 'samples') have.samples.push(...m.samples);
      else if (have.kind === 'proportion' && m.kind === 'proportion') {
        have.successes += m.successes;
        have.trials += m.trials;
      }
    }
  }
  return pooled;
}
