/** Stage breakdown: stacked bars per category of the mean milliseconds per instruction in each pipeline stage. */
import type { ChartConfiguration } from 'chart.js';
import type { BenchReport, StageBreakdownMs } from '../types.js';
import { renderPng, type ChartFile } from './canvas.js';
import { axis, PALETTE, subtitleOf, titled } from './theme.js';

/** The four stages in pipeline order, with the label a reader sees. */
export const STAGES: readonly (readonly [keyof StageBreakdownMs, string])[] = [
  ['preprocessing', 'preprocessing (parse + encode)'],
  ['inference', 'inference (tfjs network)'],
  ['constraintSolving', 'constraint solving (LM on SE(3))'],
  ['postprocessing', 'postprocessing (response)'],
];

/** The chart, or null when the report has no throughput suite. */
export function stagesChart(r: BenchReport): ChartFile | null {
  const cats = Object.entries(r.suites.throughput?.categories ?? {});
  if (cats.length === 0) return null;
  const config: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: cats.map(([n]) => n),
      datasets: STAGES.map(([key, label], k) => ({
        label,
        data: cats.map(([, c]) => c.stagesMs[key]),
        backgroundColor: PALETTE[k],
        pointStyle: 'rect',
        maxBarThickness: 160,
      })),
    },
    options: {
      plugins: titled('Where the time goes: pipeline stages per instruction (mean)', subtitleOf(r)),
      layout: { padding: { right: 24 } },
      scales: {
        x: axis('instruction category', { stacked: true }),
        y: axis('milliseconds per instruction', { stacked: true, beginAtZero: true }),
      },
    },
  };
  return { name: 'stages.png', title: 'Stage breakdown per category', png: renderPng(config) };
}
