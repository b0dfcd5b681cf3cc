/**
 * Throughput per category: bars of instructions/s (median of runs) with whiskers for the 95% CI of that
 * median (throughputSummary.ci95Median: the interval of the statistic the bar shows), and the quality of the answers (success rate, constraints satisfied) above each bar.
 */
import type { ChartConfiguration } from 'chart.js';
import { barLabelsPlugin } from '../../../report/charts/bar-labels.js';
import { renderPng } from '../../../report/charts/canvas.js';
import { errorBarsPlugin } from '../../../report/charts/error-bars.js';
import { axis, barValueAxis, PALETTE, percent, titled } from '../../../report/charts/theme.js';
import type { ChartSpec, ReportView } from '../../contract.js';
import { ownEntries } from '../../records.js';
import type { ThroughputResult } from '../schema.js';

/** The chart, or null when no category was measured. */
export function throughputChart(t: ThroughputResult, view: ReportView): ChartSpec | null {
  const cats = ownEntries(t.categories);
  if (cats.length === 0) return null;
  const values = cats.map(([, c]) => c.instructionsPerSecond);
  const ci = cats.map(([, c]) => c.throughputSummary.ci95Median);
  const config: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: cats.map(([n]) => n),
      datasets: [{
        label: 'instructions/s, median of runs (whiskers: its 95% CI)',
        data: values,
        backgroundColor: PALETTE[0],
        pointStyle: 'rect',
        maxBarThickness: 160,
        errorBars: ci,
        barLabels: cats.map(([, c]) => `success ${percent(c.quality.successRate)}\nconstraints met ${percent(c.quality.constraintSatisfactionRate)}`),
      } as never],
    },
    options: {
      plugins: titled(`Throughput per category (batch ${t.batchSize})`, view.subtitle),
      layout: { padding: { right: 24, left: 8 } },
      scales: { x: axis('instruction category'), y: barValueAxis('instructions per second', values, ci.map((c) => c[1])) },
    },
  };
  return { name: 'throughput', title: 'Throughput per category', render: () => renderPng(config, [errorBarsPlugin, barLabelsPlugin]) };
}
