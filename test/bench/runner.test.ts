import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measure } from '../../src/bench/runner.js';

test('exact --runs: warm-up runs are not counted, measured runs are exactly runs', async () => {
  let calls = 0;
  const seen: number[] = [];
  const m = await measure({ warmup: 3, runs: 7, minRuns: 1, minTimeMs: 10_000 }, () => void calls++, (i) => seen.push(i));
  assert.equal(calls, 10);
  assert.equal(m.ms.length, 7);
  assert.deepEqual(seen, [-1, -2, -3, 0, 1, 2, 3, 4, 5, 6]);
  assert.equal(m.aborted, false);
});

test('adaptive runs: at least minRuns and at least minTime of measured time', async () => {
  const m = await measure({ warmup: 0, runs: null, minRuns: 5, minTimeMs: 30 }, () => {
    const end = performance.now() + 2;
    while (performance.now() < end);
  });
  assert.ok(m.ms.length >= 5);
  const total = m.ms.reduce((a, b) => a + b, 0);
  assert.ok(total >= 30, `measured ${total} ms`);
  for (const t of m.ms) assert.ok(t >= 1.9, `run took ${t} ms, body spins 2 ms`);
});

test('the timed region holds only body: time spent in after() is not counted', async () => {
  const spin = (ms: number) => {
    const end = performance.now() + ms;
    while (performance.now() < end);
  };
  const m = await measure({ warmup: 0, runs: 5, minRuns: 1, minTimeMs: 0 }, () => spin(1), () => spin(20));
  for (const t of m.ms) assert.ok(t < 15, `run measured ${t} ms although after() spins 20 ms`);
});

test('an aborted signal stops the loop and keeps the runs so far', async () => {
  const controller = new AbortController();
  let calls = 0;
  const m = await measure({ warmup: 0, runs: 1000, minRuns: 1, minTimeMs: 0 }, () => {
    if (++calls === 4) controller.abort();
  }, undefined, { signal: controller.signal });
  assert.equal(m.aborted, true);
  assert.equal(m.ms.length, 4);
});
