import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { histogramOf, percentilesOf } from '../../../src/suites/server/histogram.js';

describe('latency histogram', () => {
  it('reads percentiles to 0.1 % of 1 … 1000 ms', () => {
    const p = percentilesOf(histogramOf(Array.from({ length: 1000 }, (_, i) => i + 1)));
    assert.equal(p.count, 1000);
    const near = (got: number, want: number) => assert.ok(Math.abs(got - want) / want <= 0.001, `${got} vs ${want}`);
    near(p.median, 500);
    near(p.p90, 900);
    near(p.p99, 990);
    near(p.p999, 999);
    near(p.mean, 500.5);
    assert.equal(p.max, 1000);
  });

  it('never reports a percentile above the largest value', () => {
    const p = percentilesOf(histogramOf([1, 2, 1500]));
    assert.equal(p.max, 1500);
    assert.equal(p.p99, 1500);
  });

  it('is all zero when empty, and records sub-microsecond and negative times as 0', () => {
    assert.deepEqual(percentilesOf(histogramOf([])), { count: 0, mean: 0, median: 0, p90: 0, p99: 0, p999: 0, max: 0 });
    assert.equal(percentilesOf(histogramOf([-0.2, 0.0001])).max, 0);
  });
});
