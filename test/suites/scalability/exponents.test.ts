import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitPowerLaw } from '../../../src/stats/complexity.js';
import { summarize } from '../../../src/stats/summary.js';
import { bigOOf, localExponents, upperHalf, upperHalfFit } from '../../../src/suites/scalability/exponents.js';
import { scalabilityTables } from '../../../src/suites/scalability/tables.js';
import type { ObjectsPoint, ScalabilityResult } from '../../../src/suites/scalability/schema.js';

/** A size whose runs spread ±3% (deterministic) around `ms`. */
function point(objects: number, ms: number): ObjectsPoint {
  const samples = Array.from({ length: 12 }, (_, i) => ms * (1 + 0.03 * Math.sin(i * 2.1 + objects)));
  const summary = summarize(samples);
  return { objects, msPerInstruction: summary.median, constraints: objects, summary, samples, satisfactionRate: 1 };
}

// A fixed cost of 2 ms plus quadratic growth: the whole-range fit reads far below 2, the upper half near 2.
const sizes = [2, 4, 8, 16, 32, 64, 128, 256];
const points = sizes.map((n) => point(n, 2 + 0.01 * n * n));

test('upper-half fit reads the asymptotic exponent that a whole-range fit hides, with an interval around it', () => {
  const whole = fitPowerLaw(sizes, points.map((p) => p.msPerInstruction));
  assert.ok(whole.exponent < 1.5, `whole-range exponent ${whole.exponent}`);
  const fit = upperHalfFit(points);
  assert.ok(fit);
  assert.deepEqual([fit.from, fit.to, fit.points], [32, 256, 4]);
  assert.ok(fit.exponent > 1.8 && fit.exponent < 2.05, `upper-half exponent ${fit.exponent}`);
  assert.ok(fit.ci95[0] <= fit.exponent && fit.exponent <= fit.ci95[1]);
  assert.ok(fit.ci95[1] - fit.ci95[0] < 0.3, 'runs spreading ±3% give a narrow interval');
  assert.deepEqual(upperHalf(points.slice(0, 3)).map((p) => p.objects), [2, 4, 8], 'under four sizes: all of them');
});

test('local exponents carry the interval of their ratio; the BigO comparison picks N² for quadratic growth', () => {
  const e = localExponents(points);
  assert.equal(e.length, sizes.length - 1);
  for (const x of e) {
    assert.ok(x.ci95, `${x.from}→${x.to} has an interval`);
    assert.ok(x.ci95[0] <= x.exponent + 1e-9 && x.exponent <= x.ci95[1] + 1e-9);
  }
  assert.ok(e[e.length - 1].exponent > 1.8, 'the last step grows nearly quadratically');
  assert.equal(bigOOf(points)?.best, 'O(N^2)');
  assert.equal(upperHalfFit([points[0]]), null);
  assert.equal(bigOOf([points[0]]), null);
});

test('the scene-size table titles the growth with its interval and lists every candidate model', () => {
  const s: ScalabilityResult = { category: 'medium', batch: [], gain: null, objects: points, complexity: fitPowerLaw(sizes, points.map((p) => p.msPerInstruction)), localExponents: localExponents(points), upperFit: upperHalfFit(points), bigO: bigOOf(points) };
  const [table] = scalabilityTables(s);
  assert.match(table.title, /time ∝ N\^\d\.\d\d \[\d\.\d\d, \d\.\d\d\] over 32–256 objects; best model O\(N\^2\)/);
  assert.match(table.rows[1][2], /^\d\.\d\d \[-?\d\.\d\d, \d\.\d\d\]$/, 'local exponent with its interval');
  assert.ok(table.notes?.some((n) => n.includes('O(N log N)') && n.includes('best O(N^2)')));
  assert.ok(table.notes?.some((n) => n.startsWith('Whole-range fit')));
});

test('sizes whose scene failed (a refusal takes its own, short time) are left out of every growth figure', () => {
  // The two largest scenes were refused in about 1 ms: fitted, they would read as time falling with N.
  const failed = points.map((p) => (p.objects >= 128 ? { ...point(p.objects, 1), satisfactionRate: null } : p));
  const fit = upperHalfFit(failed);
  assert.ok(fit);
  assert.equal(fit.to, 64, 'the fit ends at the largest solved size');
  assert.ok(fit.exponent > 1.5, `exponent ${fit.exponent} (with the refusals it would be negative)`);
  assert.ok(localExponents(failed).every((x) => x.to <= 64));
  assert.equal(bigOOf(failed)?.best, 'O(N^2)');
});
