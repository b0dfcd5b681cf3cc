/** Throughput ratio of every variant against the first, with the 95% interval of each ratio as whiskers. */
import type { ChartConfiguration } from 'chart.js';
import { barLabelsPlugin } from '../../../report/charts/bar-labels.js';
import { renderPng } from '../../../report/charts/canvas.js';
import { errorBarsPlugin } from '../../../report/charts/error-bars.js';
import { axis, PALETTE, titled } from '../../../report/charts/theme.js';
import type { ChartSpec, ReportView } from '../../contract.js';
import type { CompareResult } from '../schema.js';

export function ratioChart(c: CompareResult, view: ReportView): ChartSpec | null {
  if (c.variants.length < 2) return null;
  const base = c.variants[0].name;
  const values = c.variants.map((v) => v.ratio.value);
  const highest = Math.max(...c.variants.map((v) => v.ratio.ci95[1]), ...values, 1);
  const config: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: c.variants.map((v) => v.name),
      datasets: [{
        label: `instr/s over ${base}'s, median of paired rounds (whiskers: its 95% CI; 1 = no change)`,
        data: values,
        backgroundColor: c.variants.map((v, i) => (i === 0 ? '#999999' : v.ratio.ci95[0] > 1 ? PALETTE[2] : v.ratio.ci95[1] < 1 ? PALETTE[3] : PALETTE[0])),
        pointStyle: 'rect',
        maxBarThickness: 140,
        errorBars: c.variants.map((v) => v.ratio.ci95),
        barLabels: c.variants.map((v, i) => (i === 0 ? 'baseline' : v.verdict.replace(/ \[/, '\n['))),
      } as never],
    },
    options: {
      plugins: titled(`Throughput against ${base} (${c.rounds} interleaved rounds)`, view.subtitle),
      layout: { padding: { right: 24, left: 8, top: 8 } },
      scales: { x: axis('variant'), y: axis('throughput ratio (×)', { min: 0, suggestedMax: highest * 1.15 }) },
    },
  };
  return { name: 'compare-ratios', title: `Throughput ratios against ${base}`, render: () => renderPng(config, [errorBarsPlugin, barLabelsPlugin]) };
}
