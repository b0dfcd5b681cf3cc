import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../src/errors.js';
import { median, medianAbsoluteDeviation, quantile, quantileSorted } from '../../src/stats/quantile.js';

const close = (actual: number, expected: number, tol = 1e-12): void =>
  assert.ok(Math.abs(actual - expected) <= tol, `expected ${expected}, got ${actual}`);

describe('quantile (Hyndman–Fan type 7)', () => {
  const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it('matches R/numpy linear quantiles of 1..10', () => {
    // R: quantile(1:10, c(0, .1, .25, .5, .9, .99, 1)) → 1, 1.9, 3.25, 5.5, 9.1, 9.91, 10
    const expected: Array<[number, number]> = [[0, 1], [0.1, 1.9], [0.25, 3.25], [0.5, 5.5], [0.9, 9.1], [0.99, 9.91], [1, 10]];
    for (const [q, value] of expected) close(quantile(v, q), value);
  });

  it('does not depend on input order and does not mutate the input', () => {
    const shuffled = [7, 1, 10, 3, 9, 2, 8, 4, 6, 5];
    close(quantile(shuffled, 0.9), 9.1);
    assert.deepEqual(shuffled, [7, 1, 10, 3, 9, 2, 8, 4, 6, 5]);
  });

  it('quantileSorted reads a sorted array (plain or typed)', () => {
    close(quantileSorted(v, 0.25), 3.25);
    close(quantileSorted(Float64Array.from(v), 0.75), 7.75);
  });

  it('returns NaN for empty input and the value itself for n = 1', () => {
    assert.ok(Number.isNaN(quantile([], 0.5)));
    assert.ok(Number.isNaN(median([])));
    assert.equal(quantile([3], 0.9), 3);
  });

  it('rejects probabilities outside [0, 1]', () => {
    assert.throws(() => quantile(v, 1.5), ConfigError);
    assert.throws(() => quantileSorted(v, -0.1), ConfigError);
    assert.throws(() => quantile(v, NaN), ConfigError);
  });

  it('median averages the two middle values for even n', () => {
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([5, 1, 3]), 3);
  });
});

describe('medianAbsoluteDeviation', () => {
  it('is 1.4826 × the raw MAD', () => {
    // median 2, |x − 2| = 1,1,0,0,2,4,7 → raw MAD 1
    close(medianAbsoluteDeviation([1, 1, 2, 2, 4, 6, 9]), 1.4826);
    // median 5.5, |x − 5.5| = 4.5,3.5,…,0.5 → raw MAD 2.5
    close(medianAbsoluteDeviation([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 2.5 * 1.4826);
  });

  it('is 0 for a constant sample and NaN for an empty one', () => {
    assert.equal(medianAbsoluteDeviation([3, 3, 3]), 0);
    assert.ok(Number.isNaN(medianAbsoluteDeviation([])));
  });
});
