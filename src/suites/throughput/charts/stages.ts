/**
 * Stage breakdown: stacked bars per category of each pipeline stage's mean share per instruction (ms), topped by
 * the time outside the stages, so that each bar's height is the mean wall time per instruction of the same runs.
 */
import type { ChartConfiguration } from 'chart.js';
import { renderPng } from '../../../report/charts/canvas.js';
import { axis, PALETTE, titled } from '../../../report/charts/theme.js';
import type { StageBreakdownData } from '../../../report/schema-common.js';
import type { ChartSpec, ReportView } from '../../contract.js';
import { ownEntries } from '../../records.js';
import type { ThroughputResult } from '../schema.js';
import { meanWallMsPerInstruction } from '../tables.js';

/** The four stages in pipeline order, with the label a reader sees. */
export const STAGES: readonly (readonly [keyof StageBreakdownData, string])[] = [
  ['preprocessing', 'preprocessing (parse + encode)'],
  ['inference', 'inference (tfjs network)'],
  ['constraintSolving', 'constraint solving (LM on SE(3))'],
  ['postprocessing', 'postprocessing (response)'],
];

/** The chart, or null when no category was measured. */
export function stagesChart(t: ThroughputResult, view: ReportView): ChartSpec | null {
  const cats = ownEntries(t.categories);
  if (cats.length === 0) return null;
  const config: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: cats.map(([n]) => n),
      datasets: [
        ...STAGES.map(([key, label], k) => ({
          label,
          data: cats.map(([, c]) => c.stagesMs[key]),
          backgroundColor: PALETTE[k],
          pointStyle: 'rect' as const,
          maxBarThickness: 160,
        })),
        {
          label: 'outside the stages (batching, sorting, cache, timers): the bar’s top is the mean wall time',
          data: cats.map(([, c]) => Math.max(0, meanWallMsPerInstruction(c.samples.runMs, c.instructions) - STAGES.reduce((a, [key]) => a + c.stagesMs[key], 0))),
          backgroundColor: '#bbbbbb',
          pointStyle: 'rect' as const,
          maxBarThickness: 160,
        },
      ],
    },
    options: {
      plugins: titled('Where the time goes: ms per instruction by stage (mean over the batched runs)', view.subtitle),
      layout: { padding: { right: 24 } },
      scales: {
        x: axis('instruction category', { stacked: true }),
        y: axis('ms per instruction (encode, inference: share of the batch)', { stacked: true, beginAtZero: true }),
      },
    },
  };
  return { name: 'stages', title: 'Stage breakdown per category (share per instruction)', render: () => renderPng(config) };
}
