/** The system during the run, from the sampler: CPU load (%) and memory (GB) against seconds since the start. */
import type { ChartConfiguration } from 'chart.js';
import type { BenchReport } from '../types.js';
import { renderPng, type ChartFile } from './canvas.js';
import { axis, PALETTE, subtitleOf, titled } from './theme.js';

const GB = 2 ** 30;

/** The chart, or null when the sampler was off or took no samples (the caller notes why). */
export function systemTimelineChart(r: BenchReport): ChartFile | null {
  const samples = r.timeline.samples;
  if (!r.timeline.enabled || samples.length === 0) return null;
  const line = (label: string, colour: string, yAxisID: string, y: (s: (typeof samples)[number]) => number, dash: number[] = []) => ({
    label, data: samples.map((s) => ({ x: s.t / 1000, y: y(s) })), borderColor: colour, backgroundColor: colour, borderDash: dash, pointRadius: 0, borderWidth: 3, pointStyle: 'line', yAxisID,
  });
  const config: ChartConfiguration = {
    type: 'line',
    data: {
      datasets: [
        line('CPU load, mean of all cores (%)', PALETTE[0], 'y', (s) => s.cpu),
        line('system memory in use (GB, right axis)', PALETTE[1], 'y1', (s) => s.memUsedBytes / GB),
        line('gasm process RSS (GB, right axis)', PALETTE[2], 'y1', (s) => s.rssBytes / GB, [8, 5]),
      ],
    },
    options: {
      plugins: titled('System during the run', `sampled every ${r.timeline.intervalMs} ms in a worker thread (${r.timeline.meanSampleCostMs.toFixed(1)} ms per sample) · ${subtitleOf(r)}`),
      layout: { padding: { right: 12 } },
      scales: {
        x: axis('seconds since the run started', { type: 'linear', beginAtZero: true }),
        y: axis('CPU load (%)', { min: 0, max: 100 }),
        y1: axis('gigabytes (GB = 2^30 bytes)', { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } }),
      },
    },
  };
  return { name: 'system.png', title: 'System during the run', png: renderPng(config) };
}
