/**
 * Gate metrics of the server suite. Samples are per step, never per request: the peak rate has one sample per
 * peak search (the offered rate of the highest valid step that search found), the p99 at the fixed rate one per
 * fixed-rate step (that step's p99 over all its requests).
 */
import type { Metric } from '../contract.js';
import type { ServerResult } from './schema.js';

/** The id of the fixed-rate p99 metric: the rate is part of it, so reports at different rates are never compared. */
export function fixedRateMetricId(rate: number): string {
  return `server.rate-${Number(rate.toPrecision(6))}.p99`;
}

export function serverMetrics(r: ServerResult): Metric[] {
  const metrics: Metric[] = [];
  const peaks = r.searches.map((s) => s.peakRate).filter((x): x is number => x !== null);
  if (peaks.length > 0) {
    metrics.push({
      kind: 'samples',
      id: 'server.peak.rate',
      label: `peak rate with p99 ≤ ${r.p99BoundMs} ms`,
      unit: 'instr/s',
      direction: 'higher',
      statistic: 'median',
      samples: peaks,
      unitOfIndependence: 'step',
    });
  }
  if (r.fixed && r.fixed.p99Ms.length > 0) {
    metrics.push({
      kind: 'samples',
      id: fixedRateMetricId(r.fixed.rate),
      label: `p99 latency at ${r.fixed.rate}/s`,
      unit: 'ms',
      direction: 'lower',
      statistic: 'median',
      samples: r.fixed.p99Ms,
      unitOfIndependence: 'step',
    });
  }
  return metrics;
}
