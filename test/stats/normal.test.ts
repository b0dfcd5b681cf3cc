import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { erfc, normalCdf, normalQuantile, normalSurvival } from '../../src/stats/normal.js';

const close = (actual: number, expected: number, tol: number): void =>
  assert.ok(Math.abs(actual - expected) <= tol, `expected ${expected}, got ${actual}`);

describe('normal distribution', () => {
  it('normalQuantile matches known values', () => {
    close(normalQuantile(0.975), 1.959963984540054, 1e-12);
    close(normalQuantile(0.05), -1.6448536269514726, 1e-12);
    close(normalQuantile(0.001), -3.090232306167813, 1e-12);
    close(normalQuantile(1e-300), -37.0470962993612, 1e-9);
    assert.equal(normalQuantile(0.5), 0);
  });

  it('normalQuantile handles the ends and invalid input', () => {
    assert.equal(normalQuantile(0), -Infinity);
    assert.equal(normalQuantile(1), Infinity);
    assert.ok(Number.isNaN(normalQuantile(1.2)));
    assert.ok(Number.isNaN(normalQuantile(NaN)));
  });

  it('erfc and the CDF match Python math.erfc / NormalDist', () => {
    close(erfc(0.5), 0.4795001221869535, 1e-15);
    close(erfc(-1), 1.842700792949715, 1e-15);
    close(erfc(5) / 1.5374597944280351e-12, 1, 1e-13);
    close(normalCdf(1), 0.8413447460685429, 1e-15);
    close(normalSurvival(1.959963984540054), 0.025, 1e-15);
  });

  it('the quantile inverts the CDF', () => {
    for (const p of [1e-10, 0.01, 0.2, 0.5, 0.8, 0.99]) close(normalCdf(normalQuantile(p)) / p, 1, 1e-12);
  });
});
