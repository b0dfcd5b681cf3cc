import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../src/errors.js';
import { mannWhitneyU } from '../../src/stats/mann-whitney.js';

const close = (actual: number, expected: number, tol = 1e-9): void =>
  assert.ok(Math.abs(actual - expected) <= tol, `expected ${expected}, got ${actual}`);

describe('mannWhitneyU', () => {
  it("matches R's wilcox.test example (W = 35, exact p = 0.2544)", () => {
    // From ?wilcox.test: depression scores, x = after, y = before; no ties, so the p-value is exact.
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const y = [1.15, 0.88, 0.9, 0.74, 1.21];
    const r = mannWhitneyU(x, y);
    assert.equal(r.u, 35);
    assert.equal(r.method, 'exact');
    close(r.pValue, 0.2544122544122544, 1e-12);
    close(r.z, 1.1635076278220096); // (35 − 25 − ½) / √(50·16/12)
  });

  it('uses the tie- and continuity-corrected normal approximation with ties', () => {
    const a = [1, 2, 2, 3, 4, 5, 5, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22];
    const b = [5, 6, 7, 8, 9, 10, 10, 11, 12, 14, 15, 16, 18, 20, 22, 23, 24, 25, 26, 27, 28];
    const r = mannWhitneyU(a, b);
    assert.equal(r.method, 'normal');
    assert.equal(r.u, 155.5);
    close(r.z, -2.350571838920226);
    close(r.pValue, 0.01874458892220341);
    const small = mannWhitneyU([1, 2, 2, 3], [2, 3, 4, 5]);
    assert.equal(small.u, 2.5);
    close(small.pValue, 0.13665824773814753);
  });

  it('is symmetric: swapping samples gives U′ = mn − U and the same p', () => {
    const a = [3.1, 4.2, 5.5, 6.0, 2.2, 8.8];
    const b = [7.1, 9.2, 6.5, 10.0, 8.1];
    const ab = mannWhitneyU(a, b);
    const ba = mannWhitneyU(b, a);
    assert.equal(ab.u + ba.u, a.length * b.length);
    close(ab.pValue, ba.pValue, 1e-12);
    close(ab.z, -ba.z, 1e-12);
  });

  it('finds clearly separated samples significant', () => {
    const a = Array.from({ length: 30 }, (_, i) => i);
    const b = Array.from({ length: 30 }, (_, i) => i + 100);
    const r = mannWhitneyU(a, b);
    assert.equal(r.u, 0);
    assert.ok(r.pValue < 1e-9);
  });

  it('gives p = 1 for identical constant samples and NaN for an empty sample', () => {
    const r = mannWhitneyU([2, 2, 2], [2, 2]);
    assert.deepEqual([r.u, r.z, r.pValue], [3, 0, 1]);
    assert.ok(Number.isNaN(mannWhitneyU([], [1, 2]).pValue));
  });

  it('rejects non-finite values naming the index', () => {
    assert.throws(() => mannWhitneyU([1, 2], [3, NaN]), (e: unknown) => e instanceof ConfigError && /index 1/.test(e.message));
  });
});
