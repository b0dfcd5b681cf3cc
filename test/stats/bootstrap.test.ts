import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../src/errors.js';
import { bootstrapCI, bootstrapRelativeChange, BOOTSTRAP_MAX_RESAMPLE_SIZE } from '../../src/stats/bootstrap.js';
import { mean } from '../../src/stats/descriptive.js';
import { median } from '../../src/stats/quantile.js';
import { normalSample } from './sample-data.js';

const width = ([lo, hi]: [number, number]): number => hi - lo;
const z975 = 1.959963984540054;

describe('bootstrapCI (percentile)', () => {
  it('covers the true mean of a large normal sample with the expected width', () => {
    const xs = normalSample(2000, 10, 2, 1);
    const ci = bootstrapCI(xs, mean);
    assert.ok(ci[0] < 10 && 10 < ci[1], `CI ${ci} misses 10`);
    const expected = 2 * z975 * (2 / Math.sqrt(2000)); // ≈ 0.175
    assert.ok(Math.abs(width(ci) / expected - 1) < 0.15, `width ${width(ci)} vs ${expected}`);
  });

  it('is deterministic for a seed and changes with the seed', () => {
    const xs = normalSample(300, 5, 1, 2);
    assert.deepEqual(bootstrapCI(xs, median, { seed: 42 }), bootstrapCI(xs, median, { seed: 42 }));
    assert.deepEqual(bootstrapCI(xs, mean), bootstrapCI(xs, mean, { seed: 0x5eed, resamples: 2000, confidence: 0.95 }));
    assert.notDeepEqual(bootstrapCI(xs, mean, { seed: 1 }), bootstrapCI(xs, mean, { seed: 2 }));
  });

  it('narrows as n grows, including past the m-out-of-n threshold', () => {
    const small = bootstrapCI(normalSample(100, 0, 1, 3), mean);
    const large = bootstrapCI(normalSample(10_000, 0, 1, 4), mean);
    assert.ok(10_000 > BOOTSTRAP_MAX_RESAMPLE_SIZE);
    const ratio = width(small) / width(large); // √(10000/100) = 10 in expectation
    assert.ok(ratio > 7 && ratio < 13, `ratio ${ratio}`);
  });

  it('keeps the size-n width for large samples (rescaled m-out-of-n)', () => {
    const xs = normalSample(40_000, 100, 10, 5);
    const ci = bootstrapCI(xs, mean);
    const expected = 2 * z975 * (10 / Math.sqrt(40_000)); // ≈ 0.196
    assert.ok(ci[0] < 100 && 100 < ci[1], `CI ${ci} misses 100`);
    assert.ok(Math.abs(width(ci) / expected - 1) < 0.15, `width ${width(ci)} vs ${expected}`);
  });

  it('is wider at higher confidence', () => {
    const xs = normalSample(500, 0, 1, 6);
    assert.ok(width(bootstrapCI(xs, mean, { confidence: 0.99 })) > width(bootstrapCI(xs, mean, { confidence: 0.8 })));
  });

  it('degenerates to [x, x] for one value or a constant sample, and to NaN for none', () => {
    assert.deepEqual(bootstrapCI([3.5], mean), [3.5, 3.5]);
    assert.deepEqual(bootstrapCI([2, 2, 2, 2], median), [2, 2]);
    assert.ok(bootstrapCI([], mean).every(Number.isNaN));
  });

  it('rejects non-finite values and invalid options', () => {
    assert.throws(() => bootstrapCI([1, 2, Infinity], mean), (e: unknown) => e instanceof ConfigError && /index 2/.test(e.message));
    assert.throws(() => bootstrapCI([1, 2], mean, { confidence: 1 }), ConfigError);
    assert.throws(() => bootstrapCI([1, 2], mean, { resamples: 0 }), ConfigError);
    assert.throws(() => bootstrapCI([1, 2], mean, { resamples: 2.5 }), ConfigError);
  });
});

describe('bootstrapRelativeChange', () => {
  const baseline = normalSample(1000, 20, 2, 7);

  for (const statistic of ['mean', 'median'] as const) {
    it(`${statistic}: a sample against itself gives 0 inside the interval`, () => {
      const r = bootstrapRelativeChange(baseline, baseline, { statistic });
      assert.equal(r.estimate, 0);
      assert.ok(r.lower < 0 && r.upper > 0, JSON.stringify(r));
    });

    it(`${statistic}: a 1.15× copy gives ≈ 0.15 with an interval excluding 0`, () => {
      const r = bootstrapRelativeChange(baseline, baseline.map((x) => 1.15 * x), { statistic });
      assert.ok(Math.abs(r.estimate - 0.15) < 1e-12);
      assert.ok(r.lower > 0.1 && r.lower < 0.15 && r.upper > 0.15 && r.upper < 0.2, JSON.stringify(r));
    });
  }

  it('works past the m-out-of-n threshold', () => {
    const big = normalSample(20_000, 20, 2, 8);
    const same = bootstrapRelativeChange(big, big, { statistic: 'median' });
    assert.ok(same.lower < 0 && same.upper > 0);
    const slower = bootstrapRelativeChange(big, big.map((x) => 1.15 * x), { statistic: 'median' });
    assert.ok(slower.lower > 0.14 && slower.upper < 0.16, JSON.stringify(slower));
  });

  it('detects a faster current sample as a negative change', () => {
    const r = bootstrapRelativeChange(baseline, baseline.map((x) => 0.8 * x));
    assert.ok(Math.abs(r.estimate + 0.2) < 1e-12);
    assert.ok(r.upper < 0);
  });

  it('is deterministic for a seed', () => {
    const current = normalSample(800, 21, 2, 9);
    assert.deepEqual(bootstrapRelativeChange(baseline, current, { seed: 3 }), bootstrapRelativeChange(baseline, current, { seed: 3 }));
  });

  it('rejects empty samples, non-finite values and a zero baseline', () => {
    assert.throws(() => bootstrapRelativeChange([], [1, 2]), /baseline sample is empty/);
    assert.throws(() => bootstrapRelativeChange([1, 2], []), /current sample is empty/);
    assert.throws(() => bootstrapRelativeChange([1, NaN], [1, 2]), (e: unknown) => e instanceof ConfigError && /index 1/.test(e.message));
    assert.throws(() => bootstrapRelativeChange([-1, 1], [1, 2]), ConfigError);
  });
});
