import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { modifiedZScores, tukeyOutliers } from '../../src/stats/outliers.js';

const close = (actual: number, expected: number, tol = 1e-9): void =>
  assert.ok(Math.abs(actual - expected) <= tol, `expected ${expected}, got ${actual}`);

describe('tukeyOutliers', () => {
  it('counts mild and severe outliers on both sides', () => {
    // Q1 3.25, Q3 9.75 (type 7), IQR 6.5: inner fences −6.5 / 19.5, outer fences −16.25 / 29.25.
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -20, 25, 40, 100];
    const r = tukeyOutliers(xs);
    assert.deepEqual({ low: r.low, high: r.high, severe: r.severe }, { low: 1, high: 3, severe: 3 });
    close(r.lowerFence, -6.5);
    close(r.upperFence, 19.5);
  });

  it('finds none in a constant sample or a sample without tails', () => {
    const constant = tukeyOutliers([4, 4, 4, 4]);
    assert.deepEqual(constant, { low: 0, high: 0, severe: 0, lowerFence: 4, upperFence: 4 });
    assert.deepEqual(tukeyOutliers([1, 2, 3, 4, 5]).high, 0);
  });

  it('counts nothing (NaN fences) for an empty sample', () => {
    const r = tukeyOutliers([]);
    assert.equal(r.low + r.high + r.severe, 0);
    assert.ok(Number.isNaN(r.lowerFence) && Number.isNaN(r.upperFence));
  });
});

describe('modifiedZScores', () => {
  it('is 0.6745 (x − median) / MAD in input order', () => {
    // median 3, raw MAD 1
    const z = modifiedZScores([1, 2, 3, 4, 100]);
    const expected = [-1.349, -0.6745, 0, 0.6745, 65.4265];
    z.forEach((v, i) => close(v, expected[i]));
  });

  it('falls back to the mean absolute deviation when the MAD is 0', () => {
    // median 5, MAD 0, mean |x − 5| = 8/6 → (x − 5) / (1.253314 · 4/3)
    const z = modifiedZScores([5, 5, 5, 5, 9, 1]);
    [0, 0, 0, 0, 2.3936539446619123, -2.3936539446619123].forEach((v, i) => close(z[i], v));
  });

  it('is all zeros for a constant sample and empty for empty input', () => {
    assert.deepEqual(modifiedZScores([2, 2, 2]), [0, 0, 0]);
    assert.deepEqual(modifiedZScores([]), []);
  });
});
