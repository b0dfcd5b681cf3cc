/**
 * Throughput per category: bars of instructions/s (median of runs) with whiskers for the 95% CI of that
 * median (throughputSummary.ci95Median: the interval of the statistic the bar shows), and the quality of the answers (success rate, constraints satisfied) above each bar.
 */
import type { ChartConfiguration } from 'chart.js';
import type { BenchReport } from '../types.js';
import { barLabelsPlugin } from './bar-labels.js';
import { renderPng, type ChartFile } from './canvas.js';
import { errorBarsPlugin } from './error-bars.js';
import { axis, fixedTicks, logAxisRange, PALETTE, percent, subtitleOf, titled } from './theme.js';

/** Above this ratio between the largest and smallest bar, the value axis is logarithmic. */
export const LOG_SCALE_RATIO = 30;

/**
 * A value axis for bars from 0 (linear) or from below the smallest value (log), with room above the
 * highest whisker for two lines of labels.
 */
export function barValueAxis(title: string, values: number[], uppers: number[]) {
  const positive = values.filter((v) => v > 0);
  const top = Math.max(...uppers.filter(Number.isFinite), ...values);
  const low = positive.length ? Math.min(...positive) : 1;
  if (positive.length === 0 || top / low <= LOG_SCALE_RATIO) return axis(title, { beginAtZero: true, suggestedMax: top * 1.2 });
  const range = logAxisRange(low / 1.6, top * 1.9, 1);
  return { ...axis(`${title} (log scale)`, { type: 'logarithmic', min: range.min, max: range.max }), ...fixedTicks(range.ticks) };
}

/** The chart, or null when the report has no throughput suite. */
export function throughputChart(r: BenchReport): ChartFile | null {
  const cats = Object.entries(r.suites.throughput?.categories ?? {});
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
      plugins: titled(`Throughput per category (batch ${r.config.batchSize})`, subtitleOf(r)),
      layout: { padding: { right: 24, left: 8 } },
      scales: { x: axis('instruction category'), y: barValueAxis('instructions per second', values, ci.map((c) => c[1])) },
    },
  };
  return { name: 'throughput.png', title: 'Throughput per category', png: renderPng(config, [errorBarsPlugin, barLabelsPlugin]) };
}
