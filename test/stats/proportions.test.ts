import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../src/errors.js';
import { normalQuantile, proportionDifferenceCI, wilsonInterval } from '../../src/stats/proportions.js';

const close = (actual: number, expected: number, tol = 1e-9): void =>
  assert.ok(Math.abs(actual - expected) <= tol, `expected ${expected}, got ${actual}`);

describe('wilsonInterval', () => {
  it('gives (0.4902, 0.9433) for 8/10 at 95%', () => {
    const [lo, hi] = wilsonInterval(8, 10);
    close(lo, 0.49016247153664183);
    close(hi, 0.9433178485456247);
  });

  it('honours the confidence level', () => {
    const [lo, hi] = wilsonInterval(8, 10, 0.9);
    close(lo, 0.5407928056874881);
    close(hi, 0.9314420122624679);
  });

  it('touches 0 and 1 exactly at the edges', () => {
    const [lo, hi] = wilsonInterval(0, 10);
    assert.equal(lo, 0);
    close(hi, 0.27753279986288915);
    assert.equal(wilsonInterval(10, 10)[1], 1);
  });

  it('is NaN for n = 0 and rejects impossible counts', () => {
    assert.ok(wilsonInterval(0, 0).every(Number.isNaN));
    assert.throws(() => wilsonInterval(11, 10), ConfigError);
    assert.throws(() => wilsonInterval(1.5, 10), ConfigError);
    assert.throws(() => wilsonInterval(1, 10, 1), ConfigError);
  });
});

describe('proportionDifferenceCI (Newcombe hybrid score)', () => {
  it("reproduces Newcombe's (1998) example 56/70 vs 48/80", () => {
    const r = proportionDifferenceCI(48, 80, 56, 70);
    close(r.estimate, 0.2, 1e-12);
    close(r.lower, 0.05243147240236498);
    close(r.upper, 0.3338726540369059);
  });

  it('is antisymmetric when the groups are swapped', () => {
    const ab = proportionDifferenceCI(48, 80, 56, 70);
    const ba = proportionDifferenceCI(56, 70, 48, 80);
    close(ba.estimate, -ab.estimate, 1e-12);
    close(ba.lower, -ab.upper, 1e-12);
    close(ba.upper, -ab.lower, 1e-12);
  });

  it('contains 0 for equal proportions and is NaN when a group is empty', () => {
    const r = proportionDifferenceCI(30, 50, 30, 50);
    assert.equal(r.estimate, 0);
    assert.ok(r.lower < 0 && r.upper > 0);
    assert.ok(Number.isNaN(proportionDifferenceCI(0, 0, 3, 5).estimate));
  });

  it('re-exports normalQuantile', () => {
    close(normalQuantile(0.975), 1.959964, 1e-6);
  });
});
