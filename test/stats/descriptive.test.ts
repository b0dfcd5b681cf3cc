import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { coefficientOfVariation, mean, stddev, variance } from '../../src/stats/descriptive.js';

const close = (actual: number, expected: number, tol = 1e-12): void =>
  assert.ok(Math.abs(actual - expected) <= tol, `expected ${expected}, got ${actual}`);

describe('descriptive statistics', () => {
  const w = [2, 4, 4, 4, 5, 5, 7, 9]; // python statistics: stdev 2.138089935299395, variance 32/7

  it('matches Python statistics on a known vector', () => {
    assert.equal(mean(w), 5);
    close(variance(w), 4.571428571428571);
    close(stddev(w), 2.138089935299395);
    close(coefficientOfVariation(w), 0.427617987059879);
  });

  it('returns NaN for an empty sample', () => {
    assert.ok(Number.isNaN(mean([])));
    assert.ok(Number.isNaN(variance([])));
    assert.ok(Number.isNaN(stddev([])));
    assert.ok(Number.isNaN(coefficientOfVariation([])));
  });

  it('gives stddev 0 for one value and for a constant sample', () => {
    assert.equal(stddev([42]), 0);
    assert.equal(variance([7, 7, 7, 7]), 0);
    assert.equal(coefficientOfVariation([42]), 0);
  });

  it('gives cv 0 when the mean is 0', () => {
    assert.equal(coefficientOfVariation([-1, 1]), 0);
  });

  it('stays accurate with a large offset (corrected two-pass)', () => {
    const shifted = w.map((x) => x + 1e9);
    close(variance(shifted), 4.571428571428571, 1e-6);
  });

  it('accepts typed arrays', () => {
    close(stddev(Float64Array.from(w)), 2.138089935299395);
  });
});
