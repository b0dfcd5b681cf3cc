/**
 * Exports for the CI tools users already have: github-action-benchmark's customBiggerIsBetter /
 * customSmallerIsBetter arrays ({ name, unit, value, range?, extra? }) and Bencher Metric Format
 * ({ benchmark: { measure: { value, lower_value, upper_value } } }).
 */
import type { BenchReport } from './types.js';

export interface GithubBenchmarkEntry {
  name: string;
  unit: string;
  value: number;
  range?: string;
  extra?: string;
}

/** Metrics where bigger is better (throughput, speedup) or smaller is better (latency, time, memory). */
export function exportGithubBenchmark(report: BenchReport, direction: 'bigger' | 'smaller'): GithubBenchmarkEntry[] {
  const out: GithubBenchmarkEntry[] = [];
  const { throughput, scalability, memory, parallel } = report.suites;
  const extra = `backend ${report.config.backend}, batch ${report.config.batchSize}`;
  for (const [name, c] of Object.entries(throughput?.categories ?? {})) {
    if (direction === 'bigger') {
      out.push({ name: `throughput/${name}`, unit: 'instructions/s', value: c.instructionsPerSecond, range: `${c.throughputSummary.ci95[0].toFixed(1)}..${c.throughputSummary.ci95[1].toFixed(1)}`, extra: `${extra}; ${c.runs} runs` });
      out.push({ name: `constraint satisfaction/${name}`, unit: '%', value: c.quality.constraintSatisfactionRate * 100 });
    } else {
      out.push({ name: `latency p50/${name}`, unit: 'ms', value: c.latencyMs.p50, range: `${c.latencyMs.ci95Median[0]}..${c.latencyMs.ci95Median[1]}`, extra });
      out.push({ name: `latency p99/${name}`, unit: 'ms', value: c.latencyMs.p99, extra });
    }
  }
  if (direction === 'bigger') {
    for (const p of scalability?.batch ?? []) out.push({ name: `batch ${p.batchSize}`, unit: 'instructions/s', value: p.instructionsPerSecond });
    if (parallel) out.push({ name: `parallel speedup (${parallel.workers} workers)`, unit: 'x', value: parallel.speedup });
  } else {
    for (const p of scalability?.objects ?? []) out.push({ name: `scene ${p.objects} objects`, unit: 'ms/instruction', value: p.msPerInstruction });
    for (const [name, c] of Object.entries(memory?.categories ?? {})) out.push({ name: `retained heap/${name}`, unit: 'bytes/instruction', value: c.retainedBytesPerInstruction });
  }
  return out;
}

type Measure = { value: number; lower_value?: number; upper_value?: number };

/** Bencher Metric Format. */
export function exportBencher(report: BenchReport): Record<string, Record<string, Measure>> {
  const out: Record<string, Record<string, Measure>> = {};
  const { throughput, scalability, memory, parallel } = report.suites;
  for (const [name, c] of Object.entries(throughput?.categories ?? {})) {
    out[`gasm/throughput/${name}`] = {
      throughput: { value: c.instructionsPerSecond, lower_value: c.throughputSummary.ci95[0], upper_value: c.throughputSummary.ci95[1] },
      latency: { value: c.latencyMs.median * 1e6, lower_value: c.latencyMs.ci95Median[0] * 1e6, upper_value: c.latencyMs.ci95Median[1] * 1e6 },
      'constraint-satisfaction': { value: c.quality.constraintSatisfactionRate },
    };
  }
  for (const p of scalability?.batch ?? []) out[`gasm/scalability/batch-${p.batchSize}`] = { throughput: { value: p.instructionsPerSecond } };
  for (const p of scalability?.objects ?? []) out[`gasm/scalability/objects-${p.objects}`] = { latency: { value: p.msPerInstruction * 1e6, lower_value: p.summary.ci95Median[0] * 1e6, upper_value: p.summary.ci95Median[1] * 1e6 } };
  for (const [name, c] of Object.entries(memory?.categories ?? {})) out[`gasm/memory/${name}`] = { 'retained-bytes-per-instruction': { value: c.retainedBytesPerInstruction } };
  if (parallel) out['gasm/parallel'] = { speedup: { value: parallel.speedup } };
  return out;
}
