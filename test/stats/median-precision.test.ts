import { test } from 'node:test';
import assert from 'node:assert/strict';
import { relativeMedianCiWidth } from '../../src/stats/median-precision.js';
import { medianOrderStatisticCI } from '../../src/stats/summary.js';

test('relative width of the median interval: zero for identical runs, wider with spread, narrower with more runs', () => {
  assert.equal(relativeMedianCiWidth([5, 5, 5, 5, 5, 5, 5, 5]), 0);
  assert.equal(relativeMedianCiWidth([1, 2, 3, 4, 5]), Number.POSITIVE_INFINITY, 'under 6 runs: no interval');
  const spread = (n: number, cv: number) => Array.from({ length: n }, (_, i) => 10 * (1 + cv * Math.sin(i * 2.399963)));
  const few = relativeMedianCiWidth(spread(10, 0.3));
  const many = relativeMedianCiWidth(spread(200, 0.3));
  const quiet = relativeMedianCiWidth(spread(10, 0.02));
  assert.ok(few > many, `${few} > ${many}`);
  assert.ok(few > quiet, `${few} > ${quiet}`);
  assert.ok(quiet < 0.05);
});

test('the stopping check uses the same ranks as the printed order-statistic interval (summary.ts)', () => {
  // n = 100, values 1…100: ranks j = ⌊50 − 9.8⌋ = 40 and k = ⌈50 + 1 + 9.8⌉ = 61 (1-based), median 50.5.
  const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
  assert.equal(relativeMedianCiWidth(xs), (61 - 40) / 50.5);
  const [lo, hi] = medianOrderStatisticCI(Array.from({ length: 100 }, (_, i) => i + 1), 0.95);
  assert.equal(relativeMedianCiWidth(xs), (hi - lo) / 50.5);
});
