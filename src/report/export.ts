/**
 * Exports for the CI tools users already have, from every suite's `exports` (registry order).
 * - github-action-benchmark, tool `customBiggerIsBetter` / `customSmallerIsBetter`: an array of
 *   { name, unit, value, range?, extra? } where range is a display string ("± 12.3").
 * - Bencher Metric Format (BMF): { "<benchmark>": { "<measure>": { value, lower_value?, upper_value? } } }.
 *   Bencher's built-in measures are `latency` in nanoseconds and `throughput` in operations per second;
 *   other measures (batch latency, server p99, speedup, retained bytes, constraint satisfaction) are created by
 *   name on upload. Every time figure goes out in nanoseconds, so that no two measures of one upload differ in unit.
 * Values are the report's own figures, unchanged except for unit conversion (ms → ns for BMF).
 */
import type { ExportFigure } from '../suites/contract.js';
import { ownGet } from '../suites/records.js';
import { SUITE_LIST } from '../suites/registry.js';
import { viewOf } from './charts/theme.js';
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

/** Every export figure of a report, suite by suite. */
export function exportFigures(report: BenchReport): ExportFigure[] {
  const view = viewOf(report);
  const suites = report.suites as Record<string, unknown>;
  return SUITE_LIST.flatMap((s) => {
    const result = ownGet(suites, s.name);
    return result === undefined ? [] : s.exports(result, view);
  }).filter((f) => Number.isFinite(f.value));
}

/** "± half-width" of a CI, three significant digits; undefined when the CI is not finite. */
function rangeOf(ci: [number, number] | undefined): string | undefined {
  if (!ci) return undefined;
  const half = (ci[1] - ci[0]) / 2;
  return Number.isFinite(half) ? `± ${Number(half.toPrecision(3))}` : undefined;
}

/** Entries where bigger is better, or smaller is better. Names: `<measure> <benchmark>` when the benchmark has several measures. */
export function exportGithubBenchmark(report: BenchReport, direction: 'bigger' | 'smaller'): GithubBenchmarkEntry[] {
  const want = direction === 'bigger' ? 'higher' : 'lower';
  return exportFigures(report)
    .filter((f) => f.better === want)
    .map((f) => {
      const range = rangeOf(f.ci);
      return { name: `${f.measure}/${f.benchmark}`, unit: f.unit, value: f.value, ...(range ? { range } : {}), ...(f.extra ? { extra: f.extra } : {}) };
    });
}

/** Bencher Metric Format: benchmarks named `gasm/<benchmark>`; times in ns, the rest in their own units. */
export function exportBencher(report: BenchReport): Record<string, Record<string, BencherMetric>> {
  const out = new Map<string, Map<string, BencherMetric>>();
  const NS_PER_MS = 1e6;
  for (const f of exportFigures(report)) {
    const scale = f.unit === 'ms' ? NS_PER_MS : 1;
    const metric: BencherMetric = { value: f.value * scale };
    if (f.ci && Number.isFinite(f.ci[0]) && Number.isFinite(f.ci[1])) {
      metric.lower_value = f.ci[0] * scale;
      metric.upper_value = f.ci[1] * scale;
    }
    const key = `gasm/${f.benchmark}`;
    if (!out.has(key)) out.set(key, new Map());
    out.get(key)!.set(f.measure, metric);
  }
  return Object.fromEntries([...out].map(([k, v]) => [k, Object.fromEntries(v)]));
}
