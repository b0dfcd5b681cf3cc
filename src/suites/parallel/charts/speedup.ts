/**
 * Parallel speedup against worker threads: the ideal line (speedup = workers), the measured median
 * speedup at 1 and N workers, and each repetition's speedup at N as small points drawn on top.
 */
import type { ChartConfiguration } from 'chart.js';
import type { BenchReport } from '../types.js';
import { renderPng, type ChartFile } from './canvas.js';
import { axis, PALETTE, percent, subtitleOf, titled } from './theme.js';

/** Legend in dataset order (the repetitions' draw order puts them first otherwise). */
function inDatasetOrder(plugins: ReturnType<typeof titled>) {
  const labels = { ...plugins.legend.labels, sort: (a: { datasetIndex?: number }, b: { datasetIndex?: number }) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) };
  return { ...plugins, legend: { ...plugins.legend, labels } };
}

/** The chart, or null when the report has no parallel suite. */
export function parallelChart(r: BenchReport): ChartFile | null {
  const p = r.suites.parallel;
  if (!p) return null;
  const n = Math.max(1, p.workers);
  const repetitions = p.samples.speedup.filter(Number.isFinite);
  const top = Math.max(n, p.speedup, ...repetitions);
  const failed = p.failedWorkers > 0 ? `, ${p.failedWorkers} worker(s) failed` : '';
  const config: ChartConfiguration = {
    type: 'line',
    data: {
      datasets: [
        { label: 'ideal: speedup = workers', data: [{ x: 1, y: 1 }, { x: n, y: n }], borderColor: '#777777', backgroundColor: '#777777', borderDash: [10, 6], pointRadius: 0, borderWidth: 2, pointStyle: 'line' },
        { label: `measured: ${p.speedup.toFixed(2)}× with ${n} workers, efficiency ${percent(p.efficiency)}`, data: [{ x: 1, y: 1 }, { x: n, y: p.speedup }], borderColor: PALETTE[0], backgroundColor: PALETTE[0], pointRadius: 8, borderWidth: 3, pointStyle: 'circle' },
        { type: 'scatter', label: 'each repetition', data: repetitions.map((y) => ({ x: n, y })), borderColor: PALETTE[1], backgroundColor: PALETTE[1], pointRadius: 6, pointStyle: 'triangle', order: -1 },
      ],
    },
    options: {
      plugins: inDatasetOrder(titled(`Parallel speedup: ${p.instructions.toLocaleString('en-US')} instructions over worker threads${failed}`, `sequential ${p.sequentialMs.toFixed(0)} ms, parallel ${p.parallelMs.toFixed(0)} ms · ${subtitleOf(r)}`)),
      layout: { padding: { right: 24 } },
      scales: {
        x: axis('worker threads', { type: 'linear', min: 0.8, max: n + 0.2, afterBuildTicks: (scale: { ticks: { value: number }[] }) => { scale.ticks = Array.from({ length: n }, (_, i) => ({ value: i + 1 })); } }),
        y: axis('speedup over one thread (×)', { min: 0, max: Math.ceil(top * 1.15 * 2) / 2 }),
      },
    },
  };
  return { name: 'parallel.png', title: 'Parallel speedup', png: renderPng(config) };
}
