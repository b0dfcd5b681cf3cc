import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createBridge, type GasmBridge } from '../../../src/pipeline/bridge.js';
import { throughputMetrics } from '../../../src/suites/throughput/metrics.js';
import { runThroughput } from '../../../src/suites/throughput/run.js';
import { runClusterQuantileCI } from '../../../src/suites/throughput/single-stream.js';
import { runBootstrapInterval } from '../../../src/stats/cluster-bootstrap.js';
import { medianInPlace } from '../../../src/stats/select.js';
import { median } from '../../../src/stats/quantile.js';
import { cpuThroughputSamples } from '../../../src/suites/throughput/metrics.js';
import { RUN_RESAMPLES, RUN_SEED } from '../../../src/suites/throughput/intervals.js';
import { testContext } from '../../helpers/run-context.js';

let bridge: GasmBridge;
before(async () => {
  bridge = await createBridge({});
});
after(() => bridge.dispose());

test('batched runs time each processBatch call; the single-stream pass times each instruction; both kept per run', async () => {
  const ctx = testContext(bridge, { policy: { runs: 3 } });
  const outcome = await runThroughput(ctx, { batchSize: 3, singleStream: true });
  assert.equal(outcome.status, 'ok');
  const c = outcome.result!.categories.tiny;
  assert.equal(c.instructions, 3, 'two instructions cycled to one full batch of 3');
  assert.equal(c.quality.responses, 2, 'quality trials: the two distinct instructions, not 3 runs × 3 responses');
  assert.equal(c.qualityVaried, 0);
  assert.equal(c.samples.batchMs.length, 3);
  assert.ok(c.samples.batchMs.every((run) => run.length === 1));
  // A run holds only its processBatch calls: the per-batch times cannot exceed the run's time.
  c.samples.batchMs.forEach((run, i) => assert.ok(run[0] <= c.samples.runMs[i] + 1e-6));
  assert.equal(c.samples.cpuMs.length, 3);
  const ss = c.singleStream!;
  assert.equal(ss.calls, 2);
  assert.equal(ss.runs, 3);
  assert.deepEqual(ss.samples.callMs.map((r) => r.length), [2, 2, 2]);
  assert.equal(ss.samples.runP50.length, 3);
  assert.deepEqual(ctx.marks.map((m) => `${m.caseName}:${m.phase}`), ['tiny:start', 'tiny:end']);
  const done = ctx.events.filter((e) => e.done);
  assert.equal(done.length, 1);
  assert.match(done[0].done!.figure, /instr\/s.*single-stream p50/);
  const wall = throughputMetrics(outcome.result!).find((m) => m.id === 'throughput.tiny.instructionsPerSecond');
  assert.ok(wall && wall.kind === 'samples' && wall.lowNoiseTwin === 'throughput.tiny.cpuInstructionsPerSecond');
});

test('batch latency: pooled batches, interval over whole runs; instr/CPU-s is the gate metric\'s figure', async () => {
  const ctx = testContext(bridge, { policy: { runs: 8 } });
  const outcome = await runThroughput(ctx, { batchSize: 1, singleStream: false });
  const c = outcome.result!.categories.tiny;
  assert.ok(c.samples.batchMs.every((run) => run.length === 2), 'two batches of one per run');
  assert.equal(c.batchLatencyMs.median, median(c.samples.batchMs.flat()));
  assert.deepEqual(c.batchLatencyMs.ci95Median, runBootstrapInterval(c.samples.batchMs, undefined, (b) => medianInPlace(b), { resamples: RUN_RESAMPLES, seed: RUN_SEED }));
  const cpu = throughputMetrics(outcome.result!).find((m) => m.id === 'throughput.tiny.cpuInstructionsPerSecond');
  assert.ok(cpu && cpu.kind === 'samples');
  assert.deepEqual(cpu.samples, cpuThroughputSamples(c));
  assert.equal(c.cpuInstructionsPerSecond.median, median(cpu.samples), 'one id, one figure');
  assert.equal(c.cpuInstructionsPerSecond.n, cpu.samples.length);
  assert.ok(c.cpuRuns === 'undisturbed' || c.cpuRuns === 'all');
  assert.match(cpu.label, c.cpuRuns === 'all' ? /all runs: fewer than/ : /\(undisturbed runs\)/);
});

test('--no-single-stream skips the pass; an aborted signal keeps what was measured and says aborted', async () => {
  const none = await runThroughput(testContext(bridge, { policy: { runs: 2 } }), { batchSize: 2, singleStream: false });
  assert.equal(none.result!.categories.tiny.singleStream, null);
  const controller = new AbortController();
  const ctx = testContext(bridge, { policy: { runs: 1000 }, signal: controller.signal, sets: [{ name: 'a', instructions: ['place the box on the table'] }, { name: 'b', instructions: ['place the box on the table'] }] });
  ctx.progress = (e) => {
    if (e.run === 3) controller.abort();
  };
  const outcome = await runThroughput(ctx, { batchSize: 1, singleStream: false });
  assert.equal(outcome.status, 'aborted');
  assert.deepEqual(Object.keys(outcome.result!.categories), ['a']);
  assert.equal(outcome.result!.categories.a.runs, 3);
});

test('a category named __proto__ is stored as data', async () => {
  const ctx = testContext(bridge, { policy: { runs: 1 }, sets: [{ name: '__proto__', instructions: ['place the box on the table'] }] });
  const outcome = await runThroughput(ctx, { batchSize: 1, singleStream: false });
  assert.ok(Object.hasOwn(outcome.result!.categories, '__proto__'));
  assert.equal(Object.getPrototypeOf(outcome.result!.categories), Object.prototype);
});

test('run-cluster interval: resamples whole runs, contains the pooled median, and is one point with one run', () => {
  const runs = [[1, 2, 3], [2, 3, 4], [10, 11, 12], [2, 2, 3]];
  const [lo, hi] = runClusterQuantileCI(runs, 0.5);
  assert.ok(lo <= 2.5 && 2.5 <= hi, `[${lo}, ${hi}] holds the pooled median 2.5`);
  assert.ok(hi >= 3, 'a run of large values widens the interval');
  assert.deepEqual(runClusterQuantileCI([[5, 6, 7]], 0.5), [6, 6]);
  assert.deepEqual(runClusterQuantileCI(runs, 0.5), runClusterQuantileCI(runs, 0.5), 'seeded: the same every time');
});

test('--forks: each fork measures in its own isolate; runs keep their fork, the gate metrics their groups', async () => {
  const ctx = testContext(bridge, { policy: { runs: 4, warmup: 1 } });
  const outcome = await runThroughput(ctx, { batchSize: 2, singleStream: true, reference: true, forks: 2 });
  assert.equal(outcome.status, 'ok', outcome.status === 'failed' ? outcome.error : '');
  const c = outcome.result!.categories.tiny;
  assert.equal(c.runs, 8);
  assert.deepEqual(c.samples.fork, [0, 0, 0, 0, 1, 1, 1, 1]);
  assert.equal(c.forks!.length, 2);
  assert.ok(c.forks!.every((f) => f.runs === 4 && f.instructionsPerSecond > 0 && f.cpuMsPerRun > 0));
  assert.equal(c.samples.referenceCpuMs!.length, 8);
  // With forks, the headline's interval resamples forks, then runs inside them.
  const ipsRuns = c.samples.instructionsPerSecond.map((v) => [v]);
  assert.deepEqual(c.throughputSummary.ci95Median, runBootstrapInterval(ipsRuns, c.samples.fork, (b) => medianInPlace(b), { resamples: RUN_RESAMPLES, seed: RUN_SEED }));
  assert.deepEqual(c.batchLatencyMs.ci95Median, runBootstrapInterval(c.samples.batchMs, c.samples.fork, (b) => medianInPlace(b), { resamples: RUN_RESAMPLES, seed: RUN_SEED }));
  assert.equal(c.quality.responses, 2, 'each distinct instruction is one quality trial, however many runs and forks repeat it');
  assert.equal(c.qualityVaried, 0);
  assert.equal(c.quality.successRate, 1);
  const wall = throughputMetrics(outcome.result!).find((m) => m.id === 'throughput.tiny.instructionsPerSecond');
  assert.ok(wall && wall.kind === 'samples');
  assert.deepEqual(wall.groups, [0, 0, 0, 0, 1, 1, 1, 1]);
  assert.equal(wall.unitOfIndependence, 'process');
  assert.deepEqual(ctx.events.filter((e) => e.of === 2).map((e) => e.run), [1, 2], 'progress per fork');
  const ss = c.singleStream!;
  assert.equal(ss.runs, 8, 'each fork ran its own single-stream passes');
  assert.deepEqual(ss.samples.fork, [0, 0, 0, 0, 1, 1, 1, 1]);
  assert.ok(ss.noise);
  const p50 = throughputMetrics(outcome.result!).find((m) => m.id === 'latency.tiny.median');
  assert.ok(p50 && p50.kind === 'samples');
  assert.deepEqual(p50.samples, ss.samples.callMs.flat(), 'every call of every pass');
  assert.deepEqual(p50.groups, [...Array(8).fill(0), ...Array(8).fill(1)], 'each call labelled with its pass\'s fork');
});

test('--forks: a fork that cannot build its bridge fails the suite with its reason; an abort keeps the forks already done', async () => {
  const bad = testContext(bridge, { policy: { runs: 2, warmup: 0 }, bridgeConfig: { model: { featureDim: 32, hiddenDim: 30, heads: 4, iterations: 1, seed: 1 } } });
  const failed = await runThroughput(bad, { batchSize: 2, singleStream: false, reference: false, forks: 2 });
  assert.equal(failed.status, 'failed');
  assert.match(failed.status === 'failed' ? failed.error : '', /a fork failed: .*heads/);
  const controller = new AbortController();
  const ctx = testContext(bridge, { policy: { runs: 3, warmup: 0 }, signal: controller.signal });
  ctx.progress = (e) => {
    if (e.of === 3 && e.run === 1) controller.abort();
  };
  const outcome = await runThroughput(ctx, { batchSize: 2, singleStream: false, reference: false, forks: 3 });
  assert.equal(outcome.status, 'aborted');
  const c = outcome.result!.categories.tiny;
  assert.equal(c.forks!.length, 1, 'the fork finished before the abort is kept');
  assert.deepEqual(c.samples.fork, [0, 0, 0]);
});
