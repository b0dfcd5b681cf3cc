import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quantileSorted, sortedCopy } from '../../src/stats/quantile.js';
import { quantileSketch, SKETCH_POINTS, slimSamples } from '../../src/report/slim-report.js';

test('the sketch keeps every 0.1%-step quantile exactly', () => {
  const xs = Array.from({ length: 123_457 }, (_, i) => Math.sin(i) * 100 + (i % 97));
  const sketch = quantileSketch(xs);
  assert.equal(sketch.length, SKETCH_POINTS);
  const full = sortedCopy(xs);
  for (const q of [0, 0.01, 0.25, 0.5, 0.75, 0.9, 0.99, 1]) assert.ok(Math.abs(quantileSorted(sketch, q) - quantileSorted(full, q)) < 1e-9, `q=${q}`);
});

test('only long numeric arrays under a samples key are reduced', () => {
  const long = Array.from({ length: 5000 }, (_, i) => i);
  const report = { samples: { latencyMs: [...long], runMs: [1, 2, 3] }, other: [...long], nested: { samples: { callMs: [[...long], [1]] } }, timeline: { samples: [{ t: 1 }] } };
  const dropped = slimSamples(report);
  assert.equal(report.samples.latencyMs.length, SKETCH_POINTS);
  assert.deepEqual(report.samples.runMs, [1, 2, 3]);
  assert.equal(report.other.length, 5000, 'not under samples');
  assert.equal(report.nested.samples.callMs[0].length, SKETCH_POINTS);
  assert.equal(dropped, 2 * (5000 - SKETCH_POINTS));
});
