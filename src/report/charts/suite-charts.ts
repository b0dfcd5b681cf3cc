/**
 * One builder per chart. Each takes a report (or several) and returns a named PNG, or null when the report
 * has nothing to draw for it (a suite that did not run is skipped, not drawn empty).
 */
import type { ChartConfiguration } from 'chart.js';
import type { BenchReport } from '../types.js';
import { axis, PALETTE, renderPng, titled } from './canvas.js';
import { barLabelsPlugin, errorBarsPlugin } from './error-bars.js';

export interface ChartFile {
  name: string;
  title: string;
  png: Buffer;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const mb = (b: number) => b / 2 ** 20;

function subtitleOf(r: BenchReport): string {
  return `${r.system.backend} backend · ${r.system.cpuModel} (${r.system.cores} cores) · gasm ${r.tool.version} · ${r.createdAt}`;
}

export function throughputChart(r: BenchReport): ChartFile | null {
  const cats = Object.entries(r.suites.throughput?.categories ?? {});
  if (cats.length === 0) return null;
  const config: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: cats.map(([n]) => n),
      datasets: [{
        label: 'instructions/s (median of runs, 95% CI whiskers)',
        data: cats.map(([, c]) => c.instructionsPerSecond),
        backgroundColor: PALETTE[0],
        errorBars: cats.map(([, c]) => c.throughputSummary.ci95),
        barLabels: cats.map(([, c]) => `success ${pct(c.quality.successRate)}\nsatisfied ${pct(c.quality.constraintSatisfactionRate)}`),
      } as never],
    },
    options: {
      plugins: titled(`Throughput per category (batch ${r.config.batchSize})`, subtitleOf(r)),
      layout: { padding: { top: 10, right: 20 } },
      scales: { x: axis('category'), y: axis('instructions per second (log scale)', { type: 'logarithmic' }) },
    },
  };
  return { name: 'throughput.png', title: 'Throughput per category', png: renderPng(config, [errorBarsPlugin, barLabelsPlugin]) };
}

export function latencyChart(r: BenchReport): ChartFile | null {
  const cats = Object.entries(r.suites.throughput?.categories ?? {});
  if (cats.length === 0) return null;
  const labels = cats.map(([n]) => n);
  const marker = (label: string, key: 'p50' | 'p90' | 'p99', colour: string, style: string) => ({
    type: 'scatter' as const, label, data: cats.map(([, c], i) => ({ x: c.latencyMs[key], y: i })), backgroundColor: colour, borderColor: colour,
    pointStyle: style, pointRadius: 9, yAxisID: 'y',
  });
  const config = {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { type: 'bar', label: 'min – max', data: cats.map(([, c]) => [Math.max(c.latencyMs.min, 1e-6), c.latencyMs.max]), backgroundColor: 'rgba(0,114,178,0.18)', borderColor: PALETTE[0], borderWidth: 1, barPercentage: 0.5 },
        marker('p50', 'p50', PALETTE[2], 'rectRot'),
        marker('p90', 'p90', PALETTE[1], 'triangle'),
        marker('p99', 'p99', PALETTE[3], 'crossRot'),
      ],
    },
    options: {
      indexAxis: 'y',
      plugins: titled('Latency per instruction (p50 / p90 / p99 marked)', subtitleOf(r)),
      scales: {
        x: axis('milliseconds per instruction (log scale; inference shared across its batch)', { type: 'logarithmic' }),
        y: axis('category', { type: 'category', labels }),
      },
    },
  } as unknown as ChartConfiguration;
  return { name: 'latency.png', title: 'Latency distribution', png: renderPng(config) };
}

export function stagesChart(r: BenchReport): ChartFile | null {
  const cats = Object.entries(r.suites.throughput?.categories ?? {});
  if (cats.length === 0) return null;
  const stages = [['preprocessing', 'parse + encode'], ['inference', 'inference (tfjs)'], ['constraintSolving', 'constraint solving'], ['postprocessing', 'respond']] as const;
  const config: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: cats.map(([n]) => n),
      datasets: stages.map(([key, label], k) => ({ label, data: cats.map(([, c]) => c.stagesMs[key] * 1000), backgroundColor: PALETTE[k] })),
    },
    options: {
      plugins: titled('Stage breakdown (mean per instruction)', subtitleOf(r)),
      scales: { x: axis('category', { stacked: true }), y: axis('microseconds per instruction', { stacked: true }) },
    },
  };
  return { name: 'stages.png', title: 'Stage breakdown', png: renderPng(config) };
}

export function batchChart(r: BenchReport): ChartFile | null {
  const s = r.suites.scalability;
  if (!s || s.batch.length === 0) return null;
  const config: ChartConfiguration = {
    type: 'line',
    data: {
      datasets: [{ label: `instructions/s through processBatch (${s.category})`, data: s.batch.map((p) => ({ x: p.batchSize, y: p.instructionsPerSecond })), borderColor: PALETTE[0], backgroundColor: PALETTE[0], pointRadius: 6, borderWidth: 3 }],
    },
    options: {
      plugins: titled('Scalability: throughput vs batch size', subtitleOf(r)),
      scales: { x: axis('batch size (log scale)', { type: 'logarithmic' }), y: axis('instructions per second', { beginAtZero: true }) },
    },
  };
  return { name: 'scalability-batch.png', title: 'Throughput vs batch size', png: renderPng(config) };
}

export function objectsChart(r: BenchReport): ChartFile | null {
  const s = r.suites.scalability;
  if (!s || s.objects.length === 0) return null;
  const { exponent, coefficient, r2 } = s.complexity;
  const xs = s.objects.map((p) => p.objects);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const fit = Array.from({ length: 24 }, (_, i) => {
    const x = lo * (hi / lo) ** (i / 23);
    return { x, y: coefficient * x ** exponent };
  });
  const config: ChartConfiguration = {
    type: 'scatter',
    data: {
      datasets: [
        { label: 'measured (median ms per instruction)', data: s.objects.map((p) => ({ x: p.objects, y: p.msPerInstruction })), backgroundColor: PALETTE[0], pointRadius: 8 },
        { type: 'line', label: `fit t = ${coefficient.toPrecision(3)}·N^${exponent.toFixed(2)} (exponent ${exponent.toFixed(2)}, R² = ${r2.toFixed(3)})`, data: fit, borderColor: PALETTE[3], borderDash: [8, 6], pointRadius: 0, borderWidth: 2 },
      ],
    },
    options: {
      plugins: titled('Scalability: time per instruction vs scene size (log-log)', subtitleOf(r)),
      scales: { x: axis('objects in the scene (log scale)', { type: 'logarithmic' }), y: axis('milliseconds per instruction (log scale)', { type: 'logarithmic', ticks: { autoSkip: true, autoSkipPadding: 14 } }) },
    },
  };
  return { name: 'scalability-objects.png', title: 'Time vs objects', png: renderPng(config) };
}

export function memoryCharts(r: BenchReport): ChartFile[] {
  return Object.entries(r.suites.memory?.categories ?? {}).map(([name, c]) => {
    const config: ChartConfiguration = {
      type: 'line',
      data: {
        datasets: [
          { label: 'JS heap used (MB)', data: c.timeline.map((p) => ({ x: p.instructions, y: mb(p.heapUsed) })), borderColor: PALETTE[0], pointRadius: 0, borderWidth: 2, yAxisID: 'y' },
          { label: 'RSS (MB)', data: c.timeline.map((p) => ({ x: p.instructions, y: mb(p.rss) })), borderColor: PALETTE[1], pointRadius: 0, borderWidth: 2, yAxisID: 'y' },
          { label: 'tfjs tensors', data: c.timeline.map((p) => ({ x: p.instructions, y: p.tensors })), borderColor: PALETTE[2], borderDash: [6, 4], pointRadius: 0, borderWidth: 2, yAxisID: 'y1' },
        ],
      },
      options: {
        plugins: titled(`Memory (${name}): ${c.verdict}`, subtitleOf(r)),
        scales: {
          x: axis('instructions processed', { type: 'linear' }),
          y: axis('megabytes', { beginAtZero: true }),
          y1: axis('live tensors', { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } }),
        },
      },
    };
    return { name: `memory-${name}.png`, title: `Memory (${name})`, png: renderPng(config) };
  });
}

export function parallelChart(r: BenchReport): ChartFile | null {
  const p = r.suites.parallel;
  if (!p) return null;
  const config: ChartConfiguration = {
    type: 'line',
    data: {
      datasets: [
        { label: 'ideal (speedup = workers)', data: [{ x: 1, y: 1 }, { x: p.workers, y: p.workers }], borderColor: '#888888', borderDash: [8, 6], pointRadius: 0, borderWidth: 2 },
        { label: `measured: ${p.speedup.toFixed(2)}× with ${p.workers} workers (efficiency ${pct(p.efficiency)})`, data: [{ x: 1, y: 1 }, { x: p.workers, y: p.speedup }], borderColor: PALETTE[0], backgroundColor: PALETTE[0], pointRadius: 7, borderWidth: 3 },
      ],
    },
    options: {
      plugins: titled(`Parallel speedup (${p.instructions} instructions${p.failedWorkers ? `, ${p.failedWorkers} worker(s) failed` : ''})`, subtitleOf(r)),
      scales: { x: axis('worker threads', { type: 'linear', min: 1, max: Math.max(2, p.workers), ticks: { stepSize: 1 } }), y: axis('speedup over one thread', { min: 0, max: Math.max(p.workers, p.speedup) * 1.1 }) },
    },
  };
  return { name: 'parallel.png', title: 'Parallel speedup', png: renderPng(config) };
}

export function timelineChart(r: BenchReport): ChartFile | null {
  const samples = r.timeline.samples;
  if (!r.timeline.enabled || samples.length === 0) return null;
  const config: ChartConfiguration = {
    type: 'line',
    data: {
      datasets: [
        { label: 'CPU load, all cores (%)', data: samples.map((s) => ({ x: s.t / 1000, y: s.cpu })), borderColor: PALETTE[0], pointRadius: 0, borderWidth: 2, yAxisID: 'y' },
        { label: 'system memory in use (GB)', data: samples.map((s) => ({ x: s.t / 1000, y: s.memUsedBytes / 2 ** 30 })), borderColor: PALETTE[1], pointRadius: 0, borderWidth: 2, yAxisID: 'y1' },
        { label: 'gasm process RSS (GB)', data: samples.map((s) => ({ x: s.t / 1000, y: s.rssBytes / 2 ** 30 })), borderColor: PALETTE[2], pointRadius: 0, borderWidth: 2, yAxisID: 'y1' },
      ],
    },
    options: {
      plugins: titled(`System during the run (every ${r.timeline.intervalMs} ms; sampler cost ${r.timeline.meanSampleCostMs.toFixed(2)} ms/sample)`, subtitleOf(r)),
      scales: {
        x: axis('seconds since the run started', { type: 'linear' }),
        y: axis('CPU %', { min: 0, max: 100 }),
        y1: axis('gigabytes', { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } }),
      },
    },
  };
  return { name: 'system.png', title: 'System timeline', png: renderPng(config) };
}

export function comparisonChart(inputs: { label: string; report: BenchReport }[]): ChartFile | null {
  const names = [...new Set(inputs.flatMap((i) => Object.keys(i.report.suites.throughput?.categories ?? {})))];
  if (inputs.length < 2 || names.length === 0) return null;
  const config: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: names,
      datasets: inputs.map((input, k) => ({
        label: input.label,
        data: names.map((n) => input.report.suites.throughput?.categories[n]?.instructionsPerSecond ?? Number.NaN),
        backgroundColor: PALETTE[k % PALETTE.length],
        errorBars: names.map((n) => input.report.suites.throughput?.categories[n]?.throughputSummary.ci95 ?? [Number.NaN, Number.NaN]),
      } as never)),
    },
    options: {
      plugins: titled('Throughput per category, report by report', `${inputs.length} reports`),
      scales: { x: axis('category'), y: axis('instructions per second (log scale)', { type: 'logarithmic' }) },
    },
  };
  return { name: 'comparison-throughput.png', title: 'Comparison', png: renderPng(config, [errorBarsPlugin]) };
}
