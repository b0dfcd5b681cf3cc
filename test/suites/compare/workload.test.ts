import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkload } from '../../../src/suites/compare/workload.js';
import { verdictOf } from '../../../src/suites/compare/verdict.js';

test('without a repeat ratio the sets are cycled', () => {
  const w = createWorkload(['a', 'b', 'c'], null, 1);
  assert.deepEqual([...w.next(4), ...w.next(3)], ['a', 'b', 'c', 'a', 'b', 'c', 'a']);
  assert.equal(w.repeatShare(), 0);
});

test('with a repeat ratio, about that share repeats an earlier instruction and new ones never recur; seeded', () => {
  const w = createWorkload(['x', 'y'], 0.8, 5);
  const stream = w.next(20_000);
  const seen = new Set<string>();
  let repeats = 0;
  for (const t of stream) {
    if (seen.has(t)) repeats++;
    seen.add(t);
  }
  assert.ok(Math.abs(repeats / stream.length - 0.8) < 0.02, `repeat share ${repeats / stream.length}`);
  assert.equal(w.repeatShare(), repeats / stream.length);
  assert.equal(stream[0], 'x', 'new instructions start with the sets');
  assert.ok(seen.size > 1000, 'new instructions beyond the sets are generated, distinct');
  assert.deepEqual(createWorkload(['x', 'y'], 0.8, 5).next(500), stream.slice(0, 500));
  assert.notDeepEqual(createWorkload(['x', 'y'], 0.8, 6).next(500), stream.slice(0, 500));
});

test('verdicts say faster, slower or no clear difference from the interval', () => {
  assert.equal(verdictOf(1.31, [1.27, 1.35]), '1.31× faster [1.27, 1.35]');
  assert.equal(verdictOf(0.8, [0.75, 0.85]), '1.25× slower [1.18, 1.33]');
  assert.equal(verdictOf(1.01, [0.98, 1.04]), 'no clear difference: 1.01× [0.98, 1.04]');
  assert.match(verdictOf(Number.NaN, [Number.NaN, Number.NaN]), /no verdict/);
});

test('the median interval is the order-statistic one: [x(2), x(9)] of 10, [x(6), x(15)] of 20, [min, max] below 6', async () => {
  const { medianWithInterval } = await import('../../../src/suites/compare/median-interval.js');
  const ranks = (n: number) => Array.from({ length: n }, (_, i) => i + 1).reverse();
  assert.deepEqual(medianWithInterval(ranks(10)), { value: 5.5, ci95: [2, 9] });
  assert.deepEqual(medianWithInterval(ranks(20)), { value: 10.5, ci95: [6, 15] });
  assert.deepEqual(medianWithInterval(ranks(50)).ci95, [18, 33]);
  assert.deepEqual(medianWithInterval(ranks(5)), { value: 3, ci95: [1, 5] });
  assert.ok(Number.isNaN(medianWithInterval([]).value));
});
