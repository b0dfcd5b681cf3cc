/** Tables of the server suite: the headline figures, then every load step. */
import { ms, pct, sig3, whole } from '../../format/numbers.js';
import { median } from '../../stats/quantile.js';
import type { Table } from '../contract.js';
import type { ServerResult, ServerStep } from './schema.js';

const lowerBound = (s: ServerStep, x: number) => `${s.latencyIsLowerBound ? '≥ ' : ''}${ms(x)}`;

function verdict(s: ServerStep): string {
  if (s.valid) return 'valid';
  if (s.invalidReason === 'p99-over-bound' && s.earlyStopped) return 'over bound (stopped early)';
  return s.invalidReason === 'generator-limited' ? 'GENERATOR LATE' : (s.invalidReason ?? '-');
}

export function serverTables(r: ServerResult): Table[] {
  const batching = r.maxBatch > 1 ? `batches up to ${r.maxBatch}, window ${sig3(r.maxWaitMs)} ms` : 'no batching';
  const summary: string[][] = [];
  if (r.peak) {
    summary.push([`peak rate with p99 ≤ ${sig3(r.p99BoundMs)} ms`, `${whole(r.peak.rate)}/s${r.peak.lowerBound ? ' (lower bound)' : ''}`, `p99 ${ms(r.peak.p99Ms)} ms, median ${ms(r.peak.medianMs)} ms; searches found ${r.searches.map((s) => (s.peakRate === null ? '-' : whole(s.peakRate))).join(', ')}/s`]);
  } else if (r.searches.length > 0) {
    summary.push([`peak rate with p99 ≤ ${sig3(r.p99BoundMs)} ms`, '-', `no rate was valid (${r.searches.map((s) => s.stoppedBy).join(', ')})`]);
  }
  if (r.singleStream) {
    summary.push(['single stream (one request at a time)', `p50 ${ms(r.singleStream.latencyMs.median)} ms`, `p90 ${ms(r.singleStream.latencyMs.p90)}, p99 ${ms(r.singleStream.latencyMs.p99)} ms over ${r.singleStream.requests} requests; sustains ${whole(r.singleStream.ratePerSecond)}/s`]);
  }
  if (r.fixed && r.fixed.p99Ms.length > 0) {
    summary.push([`p99 at ${sig3(r.fixed.rate)}/s`, `${ms(median(r.fixed.p99Ms))} ms`, `median of ${r.fixed.p99Ms.length} steps (${r.fixed.p99Ms.map((x) => ms(x)).join(', ')}); ${r.fixed.validSteps} within the bound`]);
  }
  if (r.knee) summary.push(['knee of the p99 curve', `${whole(r.knee.rate)}/s`, `p99 ${ms(r.knee.p99Ms)} ms (Kneedle)`]);
  const g = r.generator;
  summary.push(['load generator dispatch lateness', `p99 ${ms(g.latenessMs.p99)} ms`, `max ${ms(g.latenessMs.max)} ms over ${whole(g.latenessMs.count)} requests; ${g.limitedSteps} step(s) generator-limited`]);

  const tables: Table[] = [{
    title: `Server: ${r.workers} workers, ${batching}, instructions from ${r.sets.join(', ')}`,
    head: ['figure', 'value', 'detail'],
    rows: summary,
    notes: [
      'Latency runs from each request’s scheduled (Poisson) arrival to its answer, so queueing is counted (no coordinated omission).',
      `A step is valid when its p99 is within the bound, nothing was dropped (queued over ${sig3(r.dropAfterMs)} ms) and the generator was on time (lateness p99 ≤ 1 ms).`,
    ],
  }];
  if (r.steps.length > 0) {
    const order = [...r.steps].sort((a, b) => a.offeredRate - b.offeredRate);
    tables.push({
      title: 'Server load steps (by offered rate)',
      head: ['step', 'offered /s', 'achieved /s', 'p50 ms', 'p99 ms', 'p99.9 ms', 'queue p99 ms', 'mean batch', 'workers busy', 'late', 'dropped', 'generator p99 ms', 'verdict'],
      rows: order.map((s) => [
        s.phase === 'fixed' ? 'fixed' : `search ${(s.search ?? 0) + 1}`,
        whole(s.offeredRate),
        whole(s.achievedRate),
        lowerBound(s, s.latencyMs.median),
        lowerBound(s, s.latencyMs.p99),
        lowerBound(s, s.latencyMs.p999),
        ms(s.queueMs.p99),
        sig3(s.meanBatch),
        pct(s.utilization),
        whole(s.late),
        whole(s.dropped),
        ms(s.generator.latenessMs.p99),
        verdict(s),
      ]),
      notes: ['≥: the step stopped early once its p99 was certainly over the bound; requests still waiting count at their age then.'],
    });
  }
  return tables;
}
