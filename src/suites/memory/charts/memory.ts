/**
 * Memory over a memory-suite category: JS heap and RSS (MB, left axis) and live tfjs tensors (right axis)
 * against instructions processed, with the leak verdict in the title. One chart per category.
 */
import type { ChartConfiguration } from 'chart.js';
import type { BenchReport } from '../types.js';
import { renderPng, type ChartFile } from './canvas.js';
import { axis, PALETTE, subtitleOf, titled } from './theme.js';

const MB = 2 ** 20;

/** One chart per memory category that has a timeline; none when the report has no memory suite. */
export function memoryCharts(r: BenchReport): ChartFile[] {
  return Object.entries(r.suites.memory?.categories ?? {})
    .filter(([, c]) => c.timeline.length > 0)
    .map(([name, c]) => {
      const verdict = c.leak ? `LEAK: ${c.verdict}` : c.verdict;
      const maxTensors = Math.max(...c.timeline.map((p) => p.tensors));
      const config: ChartConfiguration = {
        type: 'line',
        data: {
          datasets: [
            { label: 'JS heap used (MB)', data: c.timeline.map((p) => ({ x: p.instructions, y: p.heapUsed / MB })), borderColor: PALETTE[0], backgroundColor: PALETTE[0], pointRadius: 0, borderWidth: 3, pointStyle: 'line', yAxisID: 'y' },
            { label: 'resident set size, RSS (MB)', data: c.timeline.map((p) => ({ x: p.instructions, y: p.rss / MB })), borderColor: PALETTE[1], backgroundColor: PALETTE[1], pointRadius: 0, borderWidth: 3, pointStyle: 'line', yAxisID: 'y' },
            { label: 'live tfjs tensors (right axis)', data: c.timeline.map((p) => ({ x: p.instructions, y: p.tensors })), borderColor: PALETTE[2], backgroundColor: PALETTE[2], borderDash: [8, 5], pointRadius: 0, borderWidth: 3, pointStyle: 'line', yAxisID: 'y1' },
          ],
        },
        options: {
          plugins: titled(`Memory, ${name} instructions: ${verdict}`, `${c.instructions.toLocaleString('en-US')} instructions · GC ${c.gcExposed ? 'forced between samples' : 'not exposed (run node with --expose-gc)'} · ${subtitleOf(r)}`),
          layout: { padding: { right: 12 } },
          scales: {
            x: axis('instructions processed', { type: 'linear', beginAtZero: true }),
            y: axis('megabytes (MB = 2^20 bytes)', { beginAtZero: true }),
            y1: axis('live tensors', { position: 'right', beginAtZero: true, suggestedMax: Math.max(10, maxTensors * 1.15), grid: { drawOnChartArea: false } }),
          },
        },
      };
      return { name: `memory-${name}.png`, title: `Memory over the run (${name})`, png: renderPng(config) };
    });
}
