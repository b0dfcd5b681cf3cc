/**
 * Several reports side by side: throughput per category, one bar dataset per report (with its 95% CI
 * whiskers), the legend naming each run by its commit and what differs in its configuration (comparison-labels.ts).
 */
import type { ChartConfiguration } from 'chart.js';
import { ownEntries, ownGet } from '../../suites/records.js';
import type { BenchReport } from '../types.js';
import { renderPng, type ChartFile } from './canvas.js';
import { errorBarsPlugin } from './error-bars.js';
import { axis, barValueAxis, PALETTE, titled } from './theme.js';

/** One report in a comparison, with the label its legend entry shows. */
export interface LabelledReport {
  label: string;
  report: BenchReport;
}

/** The chart, or null with fewer than two reports or no throughput category in any of them. */
export function comparisonChart(inputs: LabelledReport[]): ChartFile | null {
  const names = [...new Set(inputs.flatMap((i) => ownEntries(i.report.suites.throughput?.categories).map(([n]) => n)))];
  if (inputs.length < 2 || names.length === 0) return null;
  const value = (r: BenchReport, n: string) => ownGet(r.suites.throughput?.categories, n)?.instructionsPerSecond ?? Number.NaN;
  const ci = (r: BenchReport, n: string): [number, number] => ownGet(r.suites.throughput?.categories, n)?.throughputSummary.ci95Median ?? [Number.NaN, Number.NaN];
  const values = inputs.flatMap((i) => names.map((n) => value(i.report, n))).filter(Number.isFinite);
  const uppers = inputs.flatMap((i) => names.map((n) => ci(i.report, n)[1]));
  const backends = [...new Set(inputs.map((i) => i.report.system.backend))].join(', ');
  const config: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: names,
      datasets: inputs.map((input, k) => ({
        label: input.label,
        data: names.map((n) => value(input.report, n)),
        backgroundColor: PALETTE[k % PALETTE.length],
        pointStyle: 'rect',
        errorBars: names.map((n) => ci(input.report, n)),
      } as never)),
    },
    options: {
      plugins: titled('Throughput per category, run by run', `${inputs.length} runs, each named by commit and what differs in its configuration · median instructions/s with its 95% CI (whiskers) · backend ${backends}`),
      layout: { padding: { right: 24 } },
      scales: { x: axis('instruction category'), y: barValueAxis('instructions per second', values, uppers) },
    },
  };
  return { name: 'comparison-throughput.png', title: 'Throughput per category, report by report', png: renderPng(config, [errorBarsPlugin]) };
}
