/**
 * Latency distribution per category as a hand-drawn horizontal box plot: whiskers from min to max, a box
 * over the interquartile range (from the raw per-instruction samples), and p50 / p90 / p99 marked.
 * Log x axis: tails are often ten times the median.
 */
import { Chart, type ChartConfiguration } from 'chart.js';
import { quantile } from '../../stats/quantile.js';
import type { BenchReport, ThroughputCategory } from '../types.js';
import { renderPng, type ChartFile } from './canvas.js';
import { axis, fixedTicks, logAxisRange, PALETTE, subtitleOf, titled } from './theme.js';
import { whiskersPlugin } from './whiskers.js';

/** [q1, q3] of the latency samples; [p50, p50] when the report kept no samples. */
function quartiles(c: ThroughputCategory): [number, number] {
  const s = c.samples.latencyMs;
  return s.length > 0 ? [quantile(s, 0.25), quantile(s, 0.75)] : [c.latencyMs.p50, c.latencyMs.p50];
}

/** The legend draws the median's 'line' marker upright, as on the chart. */
function withUprightMedianInLegend(plugins: ReturnType<typeof titled>) {
  const labels = {
    ...plugins.legend.labels,
    pointStyleWidth: undefined,
    generateLabels(chart: Chart) {
      return Chart.defaults.plugins.legend.labels.generateLabels(chart).map((item) => (item.text.startsWith('p50') ? { ...item, rotation: 90 } : item));
    },
  };
  return { ...plugins, legend: { ...plugins.legend, labels } };
}

/** The chart, or null when the report has no throughput suite. */
export function latencyChart(r: BenchReport): ChartFile | null {
  const cats = Object.entries(r.suites.throughput?.categories ?? {});
  if (cats.length === 0) return null;
  const labels = cats.map(([n]) => n);
  const positive = cats.flatMap(([, c]) => [c.latencyMs.min, c.latencyMs.max]).filter((x) => x > 0);
  const range = logAxisRange(Math.min(...positive), Math.max(...positive), 1.3);
  const marker = (label: string, key: 'p50' | 'p90' | 'p99', colour: string, pointStyle: string, extra: Record<string, unknown> = {}) => ({
    type: 'scatter' as const,
    label,
    data: cats.map(([name, c]) => ({ x: c.latencyMs[key], y: name })),
    backgroundColor: colour,
    borderColor: colour,
    pointStyle,
    pointRadius: 10,
    borderWidth: 3,
    ...extra,
  });
  const config = {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          type: 'bar',
          label: 'box: p25 – p75; whiskers: min – max',
          data: cats.map(([, c]) => quartiles(c)),
          whiskers: cats.map(([, c]) => [c.latencyMs.min, c.latencyMs.max]),
          backgroundColor: 'rgba(86,180,233,0.35)',
          borderColor: PALETTE[0],
          borderWidth: 2,
          borderSkipped: false,
          barPercentage: 0.55,
          pointStyle: 'rect',
        },
        marker('p50 (median)', 'p50', '#000000', 'line', { rotation: 90, pointRadius: 16, borderWidth: 5 }),
        marker('p90', 'p90', PALETTE[1], 'triangle'),
        marker('p99', 'p99', PALETTE[3], 'rectRot'),
      ],
    },
    options: {
      indexAxis: 'y',
      plugins: withUprightMedianInLegend(titled('Latency per instruction: distribution over all measured instructions', subtitleOf(r))),
      layout: { padding: { right: 24 } },
      scales: {
        x: { ...axis('milliseconds per instruction (log scale; batched inference shared across its batch)', { type: 'logarithmic', min: range.min, max: range.max }), ...fixedTicks(range.ticks) },
        y: axis('instruction category', { type: 'category', labels, offset: true }),
      },
    },
  } as unknown as ChartConfiguration;
  return { name: 'latency.png', title: 'Latency distribution per category', png: renderPng(config, [whiskersPlugin]) };
}
