import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reachedSteadyState, SteadyWarmupTracker } from '../../src/bench/steady-warmup.js';

test('steady state: the last windows are no faster than the one before each, within the tolerance', () => {
  assert.equal(reachedSteadyState([2.0, 1.8, 1.7, 1.69, 1.695], 0.01, 2), true);
  assert.equal(reachedSteadyState([2.0, 1.8, 1.7, 1.6, 1.55], 0.01, 2), false, 'still falling 3–6% a window');
  assert.equal(reachedSteadyState([2.0, 1.8, 1.7, 1.695, 1.6], 0.01, 2), false, 'the last window fell 5.6%');
  assert.equal(reachedSteadyState([1.7, 1.8, 1.9], 0.01, 2), true, 'getting slower is not warming up');
  assert.equal(reachedSteadyState([1.7, 1.7], 0.01, 2), false, 'needs stableWindows + 1 windows');
  assert.equal(reachedSteadyState([1.7, Number.NaN, 1.7], 0.01, 2), false);
});

test('the tracker closes a window every windowMs and judges the windows\' medians', () => {
  const t = new SteadyWarmupTracker({ maxMs: 1000, windowMs: 10, tolerance: 0.01, stableWindows: 2 });
  const feed = (values: number[], start: number): boolean[] => values.map((v, i) => t.add(v, start + i * 5));
  // Runs 5 ms apart: a window opens with a run and closes on the run 10 ms later (three runs each).
  feed([3, 3, 3], 0);
  assert.deepEqual(t.windowMedians, [3]);
  const out = feed([2, 2, 2, 100, 2, 2, 2, 2, 2], 15);
  assert.deepEqual(t.windowMedians, [3, 2, 2, 2], 'a single slow run does not move a window median');
  assert.equal(out.at(-1), true);
});
