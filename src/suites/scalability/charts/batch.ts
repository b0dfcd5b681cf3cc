/** Scalability with batch size: instructions/s through processBatch against the batch size (log x). */
import type { ChartConfiguration } from 'chart.js';
import { renderPng } from '../../../report/charts/canvas.js';
import { errorBarsPlugin } from '../../../report/charts/error-bars.js';
import { axis, fixedTicks, PALETTE, titled } from '../../../report/charts/theme.js';
import { withInterval } from '../../../format/numbers.js';
import type { ChartSpec, ReportView } from '../../contract.js';
import type { ScalabilityResult } from '../schema.js';

/** The chart, or null when there are no batch points. */
export function batchChart(s: ScalabilityResult, view: ReportView): ChartSpec | null {
  if (s.batch.length === 0) return null;
  const sizes = s.batch.map((p) => p.batchSize);
  const lo = Math.min(...sizes);
  const hi = Math.max(...sizes);
  const logX = hi / lo >= 8;
  const config: ChartConfiguration = {
    type: 'line',
    data: {
      datasets: [{
        label: `instructions/s through processBatch: median over runs with its 95% CI (${s.category} instructions)`,
        data: s.batch.map((p) => ({ x: p.batchSize, y: p.instructionsPerSecond })),
        errorBars: s.batch.map((p) => [1000 / p.summary.ci95Median[1], 1000 / p.summary.ci95Median[0]]),
        borderColor: PALETTE[0],
        backgroundColor: PALETTE[0],
        pointRadius: 7,
        pointStyle: 'circle',
        borderWidth: 3,
      } as never],
    },
    options: {
      plugins: titled(s.gain ? `Scalability: throughput vs batch size (gain ${s.gain.from} → ${s.gain.to}: ${withInterval(s.gain.value, s.gain.ci95, (x) => `${x.toFixed(1)}×`)}, 95% CI)` : 'Scalability: throughput vs batch size', view.subtitle),
      layout: { padding: { right: 24 } },
      scales: {
        x: {
          ...axis(logX ? 'batch size, instructions per processBatch call (log scale)' : 'batch size, instructions per processBatch call', {
            type: logX ? 'logarithmic' : 'linear',
            min: logX ? lo / 1.3 : Math.max(0, lo - 1),
            max: logX ? hi * 1.3 : hi + 1,
          }),
          ...fixedTicks(sizes),
        },
        y: axis('instructions per second', { beginAtZero: true }),
      },
    },
  };
  return { name: 'scalability-batch', title: 'Throughput vs batch size', render: () => renderPng(config, [errorBarsPlugin]) };
}
