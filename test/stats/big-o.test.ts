import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../src/errors.js';
import { fitBigO } from '../../src/stats/big-o.js';

const ns = [2, 4, 8, 16, 32, 64, 128, 256];

test('BigO: exact N², N log N and N³ data pick their own model with RMS 0 and the right coefficient', () => {
  const sq = fitBigO(ns, ns.map((n) => 0.5 * n * n));
  assert.equal(sq.best.name, 'O(N^2)');
  assert.ok(sq.best.rms < 1e-12);
  assert.ok(Math.abs(sq.best.coefficient - 0.5) < 1e-12);
  assert.equal(fitBigO(ns, ns.map((n) => 3 * n * Math.log2(n))).best.name, 'O(N log N)');
  assert.equal(fitBigO(ns, ns.map((n) => n ** 3)).best.name, 'O(N^3)');
  assert.equal(fitBigO(ns, ns.map(() => 7)).best.name, 'O(1)');
});

test('BigO: a constant offset with linear growth reads O(N), not a fractional power; candidates come best first', () => {
  const r = fitBigO(ns, ns.map((n) => 5 + 2 * n));
  assert.equal(r.best.name, 'O(N)');
  assert.equal(r.candidates.length, 6);
  for (let i = 1; i < r.candidates.length; i++) assert.ok(r.candidates[i - 1].rms <= r.candidates[i].rms);
});

test('BigO: bad input is a ConfigError naming the problem', () => {
  assert.throws(() => fitBigO([1], [1]), (e: unknown) => e instanceof ConfigError && /at least 2 points/.test(e.message));
  assert.throws(() => fitBigO([4, 4], [1, 2]), /all sizes are equal/);
  assert.throws(() => fitBigO([1, 2], [1]), /2 sizes but 1 times/);
  assert.throws(() => fitBigO([0, 2], [1, 2]), /at least 1/);
});
