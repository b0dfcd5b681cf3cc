import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../src/errors.js';
import { fitPowerLaw } from '../../src/stats/complexity.js';

const close = (actual: number, expected: number, tol = 1e-9): void =>
  assert.ok(Math.abs(actual - expected) <= tol, `expected ${expected}, got ${actual}`);

describe('fitPowerLaw', () => {
  it('recovers y = 3x² exactly', () => {
    const xs = [1, 2, 4, 8, 16, 32, 64];
    const fit = fitPowerLaw(xs, xs.map((x) => 3 * x * x));
    close(fit.exponent, 2, 1e-12);
    close(fit.coefficient, 3, 1e-12);
    close(fit.r2, 1, 1e-12);
  });

  it('matches a hand-computed least-squares fit on noisy data', () => {
    const fit = fitPowerLaw([1, 2, 4, 8, 16, 32], [3.1, 11.5, 49, 190, 790, 3050]);
    close(fit.exponent, 1.99923465669796);
    close(fit.coefficient, 3.0147318616432375);
    close(fit.r2, 0.9998753610418855);
    assert.ok(fit.r2 < 1);
  });

  it('gives exponent 0 and r2 1 for constant y', () => {
    const fit = fitPowerLaw([1, 10, 100], [5, 5, 5]);
    close(fit.exponent, 0, 1e-15);
    close(fit.coefficient, 5, 1e-12);
    assert.equal(fit.r2, 1);
  });

  it('rejects unusable input with ConfigError', () => {
    assert.throws(() => fitPowerLaw([1, 2], [1]), ConfigError);
    assert.throws(() => fitPowerLaw([1], [1]), ConfigError);
    assert.throws(() => fitPowerLaw([], []), ConfigError);
    assert.throws(() => fitPowerLaw([2, 2, 2], [1, 2, 3]), ConfigError);
    assert.throws(() => fitPowerLaw([1, 2, 3], [1, 0, 3]), /index 1/);
    assert.throws(() => fitPowerLaw([1, Infinity, 3], [1, 2, 3]), (e: unknown) => e instanceof ConfigError && /index 1/.test(e.message));
  });
});
