import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../src/errors.js';
import { tukeyOutliers } from '../../src/stats/outliers.js';
import { medianOrderStatisticCI, summarize } from '../../src/stats/summary.js';
import { normalSample } from './sample-data.js';

const close = (actual: number, expected: number, tol = 1e-12): void =>
  assert.ok(Math.abs(actual - expected) <= tol, `expected ${expected}, got ${actual}`);

describe('summarize', () => {
  it('fills every field for 1..10 (shuffled)', () => {
    const s = summarize([4, 9, 1, 10, 2, 8, 3, 7, 5, 6]);
    assert.equal(s.n, 10);
    assert.equal(s.mean, 5.5);
    assert.equal(s.median, 5.5);
    assert.equal(s.p50, 5.5);
    close(s.stddev, 3.0276503540974917); // python statistics.stdev(range(1, 11))
    close(s.mad, 2.5 * 1.4826);
    close(s.cv, 0.5504818825631803);
    assert.equal(s.min, 1);
    assert.equal(s.max, 10);
    close(s.p90, 9.1);
    close(s.p99, 9.91);
    assert.deepEqual(s.outliers, { low: 0, high: 0, severe: 0 });
    assert.ok(s.ci95[0] < 5.5 && 5.5 < s.ci95[1] && s.ci95[0] >= 1 && s.ci95[1] <= 10);
    assert.ok(s.ci95Median[0] <= 5.5 && 5.5 <= s.ci95Median[1]);
  });

  it('counts outliers as tukeyOutliers does, without dropping them', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -20, 25, 40, 100];
    const s = summarize(xs);
    const t = tukeyOutliers(xs);
    assert.deepEqual(s.outliers, { low: t.low, high: t.high, severe: t.severe });
    assert.deepEqual(s.outliers, { low: 1, high: 3, severe: 3 });
    assert.equal(s.max, 100);
  });

  it('handles a single value: stddev 0, degenerate intervals', () => {
    const s = summarize([7]);
    assert.deepEqual([s.stddev, s.mad, s.cv, s.min, s.max, s.p99], [0, 0, 0, 7, 7, 7]);
    assert.deepEqual(s.ci95, [7, 7]);
    assert.deepEqual(s.ci95Median, [7, 7]);
  });

  it('handles an all-equal sample: MAD 0, no outliers, degenerate intervals', () => {
    const s = summarize(new Array(50).fill(3));
    assert.equal(s.mad, 0);
    assert.deepEqual(s.outliers, { low: 0, high: 0, severe: 0 });
    assert.deepEqual(s.ci95, [3, 3]);
    assert.deepEqual(s.ci95Median, [3, 3]);
  });

  it('throws ConfigError for empty input and names the index of a non-finite value', () => {
    assert.throws(() => summarize([]), ConfigError);
    assert.throws(() => summarize([1, 2, NaN]), (e: unknown) => e instanceof ConfigError && /index 2/.test(e.message));
    assert.throws(() => summarize([1, -Infinity]), /index 1/);
    assert.throws(() => summarize([1, 2], { resamples: -1 }), ConfigError);
  });

  it('is deterministic, and the seed option reaches the intervals', () => {
    const xs = normalSample(400, 10, 1, 11);
    assert.deepEqual(summarize(xs), summarize(xs));
    assert.notDeepEqual(summarize(xs, { seed: 1 }).ci95, summarize(xs, { seed: 2 }).ci95);
  });

  it('gives intervals covering the true mean and median of a normal sample', () => {
    for (const n of [1000, 30_000]) {
      const s = summarize(normalSample(n, 50, 5, 12 + n));
      assert.ok(s.ci95[0] < 50 && 50 < s.ci95[1], `n=${n} ci95 ${s.ci95}`);
      assert.ok(s.ci95Median[0] < 50 && 50 < s.ci95Median[1], `n=${n} ci95Median ${s.ci95Median}`);
      // Median's asymptotic standard error is 1.2533 σ/√n.
      const expected = 2 * 1.96 * 1.2533 * (5 / Math.sqrt(n));
      const w = s.ci95Median[1] - s.ci95Median[0];
      assert.ok(Math.abs(w / expected - 1) < 0.25, `n=${n} median CI width ${w} vs ${expected}`);
    }
  });

  it('uses the order-statistic median interval above 5000 samples', () => {
    const xs = Array.from({ length: 10_001 }, (_, i) => 10_000 - i); // values 0..10000, reversed
    // j = ⌊5000.5 − 1.96·√10001/2⌋ = 4902, k = ⌈5001.5 + 98.0⌉ = 5100 (1-based) → values 4901, 5099
    assert.deepEqual(summarize(xs).ci95Median, [4901, 5099]);
    assert.deepEqual(medianOrderStatisticCI(Float64Array.from({ length: 10_001 }, (_, i) => i), 0.95), [4901, 5099]);
  });
});
