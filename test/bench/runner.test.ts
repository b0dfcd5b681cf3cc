import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measure, measureCalls } from '../../src/bench/runner.js';

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

test('each measured run records its process CPU time beside its wall time, and the loop its bookkeeping', async () => {
  const m = await measure({ warmup: 0, runs: 4, minRuns: 1, minTimeMs: 0 }, () => {
    let x = 0;
    for (let i = 0; i < 1e5; i++) x += i;
    return void x;
  });
  assert.equal(m.cpuMs.length, 4);
  assert.ok(m.cpuMs.every((c) => c >= 0));
  assert.ok(m.loopMs >= m.ms.reduce((a, b) => a + b, 0));
});

test('single-stream calls: every call timed on its own, one array per run, after warm-up passes', async () => {
  const seen: number[] = [];
  const m = await measureCalls({ warmup: 2, runs: 3, minRuns: 1, minTimeMs: 0 }, 4, (i) => void seen.push(i));
  assert.equal(seen.length, (2 + 3) * 4, 'two warm-up passes and three measured passes of four calls');
  assert.deepEqual(m.callMs.map((r) => r.length), [4, 4, 4]);
  assert.equal(m.aborted, false);
});

/** Busy-waits about `ms` (a body whose runs differ in length, so the median has a wide interval). */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

test('precision target: extra runs while the median interval is too wide, up to the time budget; none when it is narrow enough', async () => {
  let i = 0;
  const uneven = () => spin(i++ % 2 === 0 ? 0.5 : 2);
  const budget = await measure({ warmup: 0, runs: null, minRuns: 10, minTimeMs: 0, precision: { relativeCiWidth: 1e-9, maxTimeMs: 300 } }, uneven);
  const total = budget.ms.reduce((a, b) => a + b, 0);
  assert.ok(budget.ms.length > 10, `added runs past minRuns (${budget.ms.length})`);
  assert.ok(total >= 300, 'went on until the budget was spent');
  const loose = await measure({ warmup: 0, runs: null, minRuns: 10, minTimeMs: 0, precision: { relativeCiWidth: 1e9, maxTimeMs: 60_000 } }, uneven);
  assert.equal(loose.ms.length, 10, 'an interval already narrow enough adds nothing');
  const exact = await measure({ warmup: 0, runs: 7, minRuns: 10, minTimeMs: 0, precision: { relativeCiWidth: 1e-9, maxTimeMs: 60_000 } }, uneven);
  assert.equal(exact.ms.length, 7, '--runs is exact: no precision runs');
  const calls = await measureCalls({ warmup: 0, runs: null, minRuns: 10, minTimeMs: 0, precision: { relativeCiWidth: 1e-9, maxTimeMs: 300 } }, 3, uneven);
  assert.ok(calls.callMs.length > 10, 'single-stream passes follow the same rule');
});

/** Spins until this process has used `ms` of CPU time. */
function spinCpu(ms: number): void {
  const c0 = process.cpuUsage();
  for (;;) {
    const c = process.cpuUsage(c0);
    if ((c.user + c.system) / 1000 >= ms) return;
  }
}

test('reference workload: one CPU time per measured run, outside the timed region, and not in the bookkeeping', async () => {
  const m = await measure({ warmup: 1, runs: 20, minRuns: 1, minTimeMs: 0, reference: true }, () => spinCpu(0.5));
  assert.equal(m.referenceCpuMs.length, 20);
  for (const r of m.referenceCpuMs) assert.ok(r > 0 && r < 50, `reference took ${r} ms`);
  assert.ok(m.referenceLoopMs > 0);
  const off = await measure({ warmup: 1, runs: 5, minRuns: 1, minTimeMs: 0 }, () => spinCpu(0.2));
  assert.deepEqual(off.referenceCpuMs, []);
  assert.equal(off.referenceLoopMs, 0);
});

test('steady warm-up: goes on while CPU time per run falls, stops once it is flat', async () => {
  // A body that gets cheaper for its first 60 calls (a JIT warming up), then costs 0.3 ms of CPU each.
  let calls = 0;
  const body = () => spinCpu(calls++ < 60 ? 1.5 - calls * 0.02 : 0.3);
  const m = await measure({ warmup: 0, warmupTimeMs: 0, runs: 5, minRuns: 1, minTimeMs: 0, steadyWarmup: { maxMs: 5000, windowMs: 10, tolerance: 0.01, stableWindows: 2 } }, body);
  assert.equal(m.warmup.steady, true);
  assert.ok(m.warmup.runs >= 60, `stopped warming up after ${m.warmup.runs} runs, while runs were still getting cheaper`);
  assert.ok(m.warmup.ms < 5000);
});

test('steady warm-up: a body that keeps getting cheaper hits the limit and says it was not steady', async () => {
  let cost = 2;
  const m = await measure({ warmup: 0, runs: 2, minRuns: 1, minTimeMs: 0, steadyWarmup: { maxMs: 150, windowMs: 10, tolerance: 0.01, stableWindows: 2 } }, () => spinCpu((cost *= 0.995)));
  assert.equal(m.warmup.steady, false);
  assert.ok(m.warmup.ms >= 150);
  const plain = await measure({ warmup: 2, runs: 2, minRuns: 1, minTimeMs: 0 }, () => undefined);
  assert.deepEqual({ runs: plain.warmup.runs, steady: plain.warmup.steady }, { runs: 2, steady: null });
});
