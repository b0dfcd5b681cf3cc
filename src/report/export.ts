/**
 * Exports for the CI tools users already have.
 * - github-action-benchmark, tool `customBiggerIsBetter` / `customSmallerIsBetter`: an array of
 *   { name, unit, value, range?, extra? } where range is a display string ("± 12.3").
 * - Bencher Metric Format (BMF): { "<benchmark>": { "<measure>": { value, lower_value?, upper_value? } } }.
 *   Bencher's built-in measures are `latency` in nanoseconds and `throughput` in operations per second;
 *   other measures (speedup, retained bytes, constraint satisfaction) are created by name on upload.
 * Values are the report's own figures, unchanged except for unit conversion (ms → ns for BMF latency).
 */
import type { BenchReport } from './types.js';

/** One github-action-benchmark entry. */
export interface GithubBenchmarkEntry {
  name: string;
  unit: string;
  value: number;
  /** Half-width of the 95% CI of the value, as text ("± 12.3"). */
  range?: string;
  extra?: string;
}

/** One Bencher measure value with its optional bounds. */
export interface BencherMetric {
  value: number;
  lower_value?: number;
  upper_value?: number;
}

/** "± half-width" of a CI, three significant digits; undefined when the CI is not finite. */
function rangeOf(ci: [number, number]): string | undefined {
  const half = (ci[1] - ci[0]) / 2;
  return Number.isFinite(half) ? `± ${Number(half.toPrecision(3))}` : undefined;
}

/** Bounds for BMF, omitted when not finite. */
function bounds(ci: [number, number], scale = 1): Pick<BencherMetric, 'lower_value' | 'upper_value'> {
  return Number.isFinite(ci[0]) && Number.isFinite(ci[1]) ? { lower_value: ci[0] * scale, upper_value: ci[1] * scale } : {};
}

/**
 * Entries where bigger is better (throughput per category and per batch size, constraint satisfaction,
 * parallel speedup) or smaller is better (latency p50/p99 per category, ms per instruction per scene
 * size, retained heap bytes per instruction).
 */
export function exportGithubBenchmark(report: BenchReport, direction: 'bigger' | 'smaller'): GithubBenchmarkEntry[] {
  const out: GithubBenchmarkEntry[] = [];
  const { throughput, scalability, memory, parallel } = report.suites;
  const context = `backend ${report.system.backend}, ${report.system.cores} cores`;
  for (const [name, c] of Object.entries(throughput?.categories ?? {})) {
    if (direction === 'bigger') {
      out.push({ name: `throughput/${name}`, unit: 'instructions/s', value: c.instructionsPerSecond, range: rangeOf(c.throughputSummary.ci95Median), extra: `median of ${c.runs} runs, batch ${c.batchSize}; ${context}` });
      out.push({ name: `constraint satisfaction/${name}`, unit: '%', value: c.quality.constraintSatisfactionRate * 100, extra: `${c.quality.satisfiedConstraints}/${c.quality.constraints} constraints` });
    } else {
      out.push({ name: `latency p50/${name}`, unit: 'ms', value: c.latencyMs.p50, range: rangeOf(c.latencyMs.ci95Median), extra: `${c.latencyMs.n} instructions; ${context}` });
      out.push({ name: `latency p99/${name}`, unit: 'ms', value: c.latencyMs.p99, extra: `${c.latencyMs.n} instructions; ${context}` });
    }
  }
  if (direction === 'bigger') {
    for (const p of scalability?.batch ?? []) out.push({ name: `throughput batch ${p.batchSize}/${scalability!.category}`, unit: 'instructions/s', value: p.instructionsPerSecond, extra: context });
    if (parallel) out.push({ name: `parallel speedup/${parallel.workers} workers`, unit: 'x', value: parallel.speedup, extra: `efficiency ${(parallel.efficiency * 100).toFixed(1)}%; ${context}` });
  } else {
    for (const p of scalability?.objects ?? []) out.push({ name: `time per instruction/${p.objects} objects`, unit: 'ms', value: p.msPerInstruction, range: rangeOf(p.summary.ci95Median), extra: context });
    for (const [name, c] of Object.entries(memory?.categories ?? {})) out.push({ name: `retained heap/${name}`, unit: 'bytes/instruction', value: c.retainedBytesPerInstruction, extra: c.verdict });
  }
  return out;
}

/** Bencher Metric Format: benchmarks named `gasm/<suite>/<case>`, measures `throughput`, `latency` (ns) and others. */
export function exportBencher(report: BenchReport): Record<string, Record<string, BencherMetric>> {
  const out: Record<string, Record<string, BencherMetric>> = {};
  const { throughput, scalability, memory, parallel } = report.suites;
  const NS_PER_MS = 1e6;
  for (const [name, c] of Object.entries(throughput?.categories ?? {})) {
    out[`gasm/throughput/${name}`] = {
      throughput: { value: c.instructionsPerSecond, ...bounds(c.throughputSummary.ci95Median) },
      latency: { value: c.latencyMs.median * NS_PER_MS, ...bounds(c.latencyMs.ci95Median, NS_PER_MS) },
      'constraint-satisfaction': { value: c.quality.constraintSatisfactionRate },
    };
  }
  for (const p of scalability?.batch ?? []) {
    out[`gasm/scalability/batch-${p.batchSize}`] = { throughput: { value: p.instructionsPerSecond } };
  }
  for (const p of scalability?.objects ?? []) {
    out[`gasm/scalability/objects-${p.objects}`] = { latency: { value: p.msPerInstruction * NS_PER_MS, ...bounds(p.summary.ci95Median, NS_PER_MS) } };
  }
  for (const [name, c] of Object.entries(memory?.categories ?? {})) {
    out[`gasm/memory/${name}`] = { 'retained-bytes-per-instruction': { value: c.retainedBytesPerInstruction } };
  }
  if (parallel) {
    const s = parallel.samples.speedup.filter(Number.isFinite);
    out['gasm/parallel'] = { speedup: { value: parallel.speedup, ...(s.length ? { lower_value: Math.min(...s), upper_value: Math.max(...s) } : {}) } };
  }
  return out;
}
