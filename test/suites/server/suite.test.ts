import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Value } from '@sinclair/typebox/value';
import { serverSuite } from '../../../src/suites/server/index.js';
import { fixedRateMetricId } from '../../../src/suites/server/metrics.js';
import { findKnee, latencyEnvelope, pickPeak } from '../../../src/suites/server/run.js';
import { ServerSchema } from '../../../src/suites/server/schema.js';
import { pngSize } from '../../report/charts/png-checks.js';
import { sampleResult } from './fixtures.js';

const view = { backend: 'wasm', subtitle: 'wasm backend · test CPU (2 cores) · gasm 0.0.0', cores: 2 };

function finished() {
  const r = sampleResult();
  r.peak = pickPeak(r.searches, r.steps);
  r.knee = findKnee(r);
  return r;
}

describe('server suite presentation', () => {
  it('takes the median of the searches’ peaks, with the p99 of the step that found it', () => {
    const r = sampleResult();
    const peak = pickPeak(r.searches, r.steps);
    // Two searches: the lower median, 1,000/s, found by search 1 with p99 8 ms.
    assert.deepEqual(peak, { rate: 1000, p99Ms: 8, medianMs: 2, achievedRate: 990, lowerBound: false });
    assert.equal(pickPeak([{ startRate: 1, peakRate: null, hiRate: 1, stoppedBy: 'no-valid-rate', steps: 4 }], r.steps), null);
    const open = pickPeak([{ ...r.searches[0], hiRate: null, stoppedBy: 'generator-limited' }], r.steps);
    assert.equal(open?.lowerBound, true);
  });

  it('marks the knee where the p99 curve turns steep, never at the idle end', () => {
    const knee = findKnee(sampleResult());
    assert.ok(knee && knee.rate >= 1000 && knee.rate <= 1189, JSON.stringify(knee));
  });

  it('reads the knee from the median p99 per rate, made non-decreasing', () => {
    const curve = latencyEnvelope(sampleResult());
    assert.deepEqual(curve.slice(0, 4).map((p) => [p.rate, p.p99Ms]), [[0, 1.5], [250, 2], [500, 3], [1000, 8.5]]);
    const dip = curve.find((p) => p.rate === 1118);
    assert.deepEqual(dip && [dip.p99Ms, dip.envelopeMs], [11, 12]);
    for (let i = 1; i < curve.length; i++) assert.ok(curve[i].envelopeMs >= curve[i - 1].envelopeMs);
  });

  it('validates against its schema, and a broken result does not', () => {
    const r = finished();
    assert.ok(Value.Check(ServerSchema, r), JSON.stringify([...Value.Errors(ServerSchema, r)].slice(0, 3)));
    assert.equal(Value.Check(ServerSchema, { ...r, steps: [{ ...r.steps[0], valid: 'yes' }] }), false);
    assert.equal(Value.Check(ServerSchema, { ...r, peak: { rate: 1 } }), false);
  });

  it('gives gate metrics per step: the searches’ peaks and the fixed-rate steps’ p99', () => {
    const metrics = serverSuite.metrics(finished());
    const peak = metrics.find((m) => m.id === 'server.peak.rate');
    const fixed = metrics.find((m) => m.id === fixedRateMetricId(500));
    assert.ok(peak && peak.kind === 'samples' && fixed && fixed.kind === 'samples');
    assert.deepEqual(peak.samples, [1000, 1057]);
    assert.equal(peak.direction, 'higher');
    assert.equal(peak.unitOfIndependence, 'step');
    assert.deepEqual(fixed.samples, [3, 3.5]);
    assert.equal(fixed.direction, 'lower');
    assert.equal(fixed.unitOfIndependence, 'step');
    assert.equal(fixedRateMetricId(500), 'server.rate-500.p99');
    const none = serverSuite.metrics({ ...sampleResult(), searches: [], fixed: null });
    assert.deepEqual(none, []);
  });

  it('tables show the report’s figures: the peak, the fixed rate, the generator and every step', () => {
    const r = finished();
    const [summary, steps] = serverSuite.tables(r, view);
    const text = summary.rows.map((row) => row.join(' | ')).join('\n');
    assert.match(text, /peak rate with p99 ≤ 10 ms \| 1,000\/s \| p99 8 ms/);
    assert.match(text, /p99 at 500\/s \| 3\.25 ms/);
    assert.match(text, /load generator dispatch lateness \| p99 0\.2 ms/);
    assert.equal(steps.rows.length, r.steps.length);
    assert.deepEqual(steps.rows.map((row) => row[1]), [...r.steps].sort((a, b) => a.offeredRate - b.offeredRate).map((s) => s.offeredRate.toLocaleString('en-US')));
    assert.ok(steps.rows.some((row) => row[4].startsWith('≥ ')), 'early-stopped p99 shown as a lower bound');
  });

  it('exports the peak, the fixed-rate p99 and the single stream', () => {
    const figures = serverSuite.exports(finished(), view);
    assert.deepEqual(figures.map((f) => [f.benchmark, f.value, f.better]), [
      ['server/peak', 1000, 'higher'],
      ['server/rate-500', 3.25, 'lower'],
      ['server/single-stream', 0.8, 'lower'],
    ]);
  });

  it('draws the latency–load curve as a PNG', () => {
    const charts = serverSuite.charts(finished(), view);
    assert.equal(charts.length, 1);
    assert.equal(charts[0].name, 'server-latency-load');
    assert.deepEqual(pngSize(charts[0].render()), { width: 2400, height: 1200 });
  });
});
