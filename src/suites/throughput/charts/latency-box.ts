/**
 * Single-stream latency per category (one instruction per call, each call timed) as a horizontal box plot:
 * a box over the interquartile range, whiskers from p1 to p99 (so one outlier does not set the scale), and
 * p50 / p90 / p99 marked. Log x axis: tails are often ten times the median.
 */
import { Chart, type ChartConfiguration } from 'chart.js';
import { renderPng } from '../../../report/charts/canvas.js';
import { axis, fixedTicks, logAxisRange, PALETTE, titled } from '../../../report/charts/theme.js';
import { whiskersPlugin } from '../../../report/charts/whiskers.js';
import { quantileSorted, sortedCopy } from '../../../stats/quantile.js';
import type { ChartSpec, ReportView } from '../../contract.js';
import { ownEntries } from '../../records.js';
import type { ThroughputResult } from '../schema.js';
import type { SingleStream } from '../single-stream.js';

/** Quantiles of all single-stream calls of a category. */
function quantilesOf(s: SingleStream) {
  const sorted = sortedCopy(s.samples.callMs.flat());
  const q = (p: number) => (sorted.length ? quantileSorted(sorted, p) : s.latencyMs.median);
  return { p1: q(0.01), q1: q(0.25), q3: q(0.75), p50: s.latencyMs.p50, p90: s.latencyMs.p90, p99: s.latencyMs.p99 };
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

/** The chart, or null when no category has a single-stream pass. */
export function latencyChart(t: ThroughputResult, view: ReportView): ChartSpec | null {
  const cats = ownEntries(t.categories).flatMap(([n, c]) => (c.singleStream ? [[n, quantilesOf(c.singleStream)] as const] : []));
  if (cats.length === 0) return null;
  const labels = cats.map(([n]) => n);
  const positive = cats.flatMap(([, c]) => [c.p1, c.p99]).filter((x) => x > 0);
  const range = logAxisRange(Math.min(...positive), Math.max(...positive), 1.3);
  const marker = (label: string, key: 'p50' | 'p90' | 'p99', colour: string, pointStyle: string, extra: Record<string, unknown> = {}) => ({
    type: 'scatter' as const,
    label,
    data: cats.map(([name, c]) => ({ x: c[key], y: name })),
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
          label: 'box: p25 – p75; whiskers: p1 – p99',
          data: cats.map(([, c]) => [c.q1, c.q3]),
          whiskers: cats.map(([, c]) => [c.p1, c.p99]),
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
      plugins: withUprightMedianInLegend(titled('Single-stream latency: one instruction per call, every call timed', view.subtitle)),
      layout: { padding: { right: 24 } },
      scales: {
        x: { ...axis('milliseconds per call (log scale)', { type: 'logarithmic', min: range.min, max: range.max }), ...fixedTicks(range.ticks) },
        y: axis('instruction category', { type: 'category', labels, offset: true }),
      },
    },
  } as unknown as ChartConfiguration;
  return { name: 'latency', title: 'Single-stream latency per category', render: () => renderPng(config, [whiskersPlugin]) };
}
