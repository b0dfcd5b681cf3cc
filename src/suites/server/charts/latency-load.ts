/**
 * The latency–load curve: p50 and p99 latency (log scale) against offered rate, from the single stream (drawn at
 * rate 0, the idle end) to past saturation, with the bound, the knee and the peak marked. Invalid steps are hollow.
 */
import type { ChartConfiguration } from 'chart.js';
import { renderPng } from '../../../report/charts/canvas.js';
import { axis, fixedTicks, logAxisRange, PALETTE, titled } from '../../../report/charts/theme.js';
import { sig3, whole } from '../../../format/numbers.js';
import { median } from '../../../stats/quantile.js';
import type { ChartSpec, ReportView } from '../../contract.js';
import type { ServerResult } from '../schema.js';

interface Point {
  x: number;
  y: number;
  valid: boolean;
}

/** Latency floor of the log axis, ms (a p50 of a few µs would otherwise stretch it). */
const MIN_LATENCY_MS = 0.01;

export function latencyLoadChart(r: ServerResult, view: ReportView): ChartSpec | null {
  if (r.steps.length === 0 && !r.singleStream) return null;
  const steps = [...r.steps].sort((a, b) => a.offeredRate - b.offeredRate);
  const at = (y: number) => Math.max(MIN_LATENCY_MS, y);
  const p50: Point[] = steps.map((s) => ({ x: s.offeredRate, y: at(s.latencyMs.median), valid: s.valid }));
  const p99: Point[] = steps.map((s) => ({ x: s.offeredRate, y: at(s.latencyMs.p99), valid: s.valid }));
  if (r.singleStream) {
    p50.unshift({ x: 0, y: at(r.singleStream.latencyMs.median), valid: true });
    p99.unshift({ x: 0, y: at(r.singleStream.latencyMs.p99), valid: true });
  }
  const xMax = Math.max(1, ...p99.map((p) => p.x));
  const style = (points: Point[], color: string) => ({
    pointBackgroundColor: points.map((p) => (p.valid ? color : '#ffffff')),
    pointBorderColor: color,
    pointRadius: 6,
    pointBorderWidth: 2,
    borderColor: color,
    backgroundColor: color,
    borderWidth: 2.5,
  });
  // Lines through each rate's median (several steps can share a rate); every step is its own point.
  const perRate = (points: Point[]) => {
    const byRate = new Map<number, number[]>();
    for (const p of points) byRate.set(p.x, [...(byRate.get(p.x) ?? []), p.y]);
    return [...byRate.entries()].sort((a, b) => a[0] - b[0]).map(([x, ys]) => ({ x, y: median(ys) }));
  };
  const line = (color: string) => ({ borderColor: color, backgroundColor: color, borderWidth: 2.5, pointRadius: 0, pointStyle: 'line' as const });
  const datasets: NonNullable<ChartConfiguration<'line'>['data']>['datasets'] = [
    { label: 'p99 (each step)', data: p99, ...style(p99, PALETTE[3]), pointStyle: 'circle', showLine: false },
    { label: 'p99 (per-rate median)', data: perRate(p99), ...line(PALETTE[3]) },
    { label: 'p50 (each step)', data: p50, ...style(p50, PALETTE[0]), pointStyle: 'rect', showLine: false },
    { label: 'p50 (per-rate median)', data: perRate(p50), ...line(PALETTE[0]) },
    { label: `bound ${sig3(r.p99BoundMs)} ms`, data: [{ x: 0, y: r.p99BoundMs }, { x: xMax, y: r.p99BoundMs }], borderColor: '#555555', backgroundColor: '#555555', borderDash: [8, 6], borderWidth: 2, pointRadius: 0, pointStyle: 'line' },
  ];
  if (r.knee) datasets.push({ label: `knee ${whole(r.knee.rate)}/s`, data: [{ x: r.knee.rate, y: at(r.knee.p99Ms) }], borderColor: PALETTE[2], backgroundColor: PALETTE[2], pointRadius: 13, pointStyle: 'triangle', showLine: false, order: -1 });
  if (r.peak) datasets.push({ label: `peak ${whole(r.peak.rate)}/s`, data: [{ x: r.peak.rate, y: at(r.peak.p99Ms) }], borderColor: PALETTE[7], backgroundColor: PALETTE[7], pointRadius: 13, pointStyle: 'star', borderWidth: 3, showLine: false, order: -2 });
  const ys = [...p50, ...p99].map((p) => p.y).concat(r.p99BoundMs);
  const yRange = logAxisRange(Math.min(...ys), Math.max(...ys));
  const batching = r.maxBatch > 1 ? `batches ≤ ${r.maxBatch}, window ${sig3(r.maxWaitMs)} ms` : 'no batching';
  const config: ChartConfiguration<'line'> = {
    type: 'line',
    data: { datasets },
    options: {
      plugins: titled(
        `Latency under load: ${r.workers} workers, ${batching}`,
        `latency from scheduled arrival · rate 0: one at a time · hollow: invalid · ${view.subtitle}`,
      ),
      scales: {
        x: axis('offered rate of the Poisson arrivals (instructions/s)', { type: 'linear', min: 0, max: xMax * 1.04, ticks: { includeBounds: false, font: { size: 14 } } }),
        y: axis('latency (ms, log scale)', { type: 'logarithmic', min: yRange.min, max: yRange.max, ...fixedTicks(yRange.ticks) }),
      },
    },
  };
  return { name: 'server-latency-load', title: 'Latency against offered load (server suite)', render: () => renderPng(config as ChartConfiguration) };
}
