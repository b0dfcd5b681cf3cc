import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpuThroughputSamples, throughputMetrics } from '../../../src/suites/throughput/metrics.js';
import { makeSampleReport } from '../../helpers/sample-report.js';

test('the CPU-time twin uses the undisturbed runs when there are enough of them, else every run', () => {
  const t = makeSampleReport().suites.throughput!;
  const c = t.categories.simple;
  const n = 12;
  c.samples.cpuMs = Array.from({ length: n * 2 }, (_, i) => (i < n ? 1 : 2));
  // The first n runs were never switched out; the others were preempted (and run slower).
  c.samples.switches = Array.from({ length: n * 2 }, (_, i) => (i < n ? 0 : 1));
  assert.deepEqual(cpuThroughputSamples(c), Array(n).fill(c.instructions * 1000));
  c.samples.switches = Array.from({ length: n * 2 }, (_, i) => (i % 2));
  assert.equal(cpuThroughputSamples(c).length, n * 2, 'too few undisturbed runs: all of them');
  delete c.samples.switches;
  assert.equal(cpuThroughputSamples(c).length, n * 2, 'switches not recorded: all of them');
  const m = throughputMetrics(t).find((x) => x.id === 'throughput.simple.instructionsPerSecond');
  assert.equal(m?.kind === 'samples' && m.lowNoiseTwin, 'throughput.simple.cpuInstructionsPerSecond');
});

test('single-stream latency has its own CPU-time twin (CPU ms per call of the undisturbed passes)', () => {
  const t = makeSampleReport().suites.throughput!;
  const ss = t.categories.simple.singleStream!;
  const passes = ss.samples.runP50.length;
  ss.samples.cpuMs = Array.from({ length: passes }, () => ss.calls * 0.5);
  ss.samples.switches = Array.from({ length: passes }, () => 0);
  const metrics = throughputMetrics(t);
  const cpu = metrics.find((m) => m.id === 'latency.simple.cpuMsPerCall');
  assert.ok(cpu && cpu.kind === 'samples');
  assert.equal(cpu.measure, 'cpu');
  assert.deepEqual(cpu.samples, Array(passes).fill(0.5));
  const p50 = metrics.find((m) => m.id === 'latency.simple.median');
  assert.equal(p50?.kind === 'samples' && p50.lowNoiseTwin, 'latency.simple.cpuMsPerCall');
  const batch = metrics.find((m) => m.id === 'latency.simple.batch');
  assert.equal(batch?.kind === 'samples' && batch.lowNoiseTwin, 'throughput.simple.cpuInstructionsPerSecond');
});

test('forks: undisturbed runs are judged inside each fork, and a calm set from one fork alone keeps every run', async () => {
  const { calmRunIndices } = await import('../../../src/suites/throughput/metrics.js');
  const { undisturbedRuns } = await import('../../../src/bench/noise.js');
  // The first run of fork 1 follows a preempted run of fork 0 in another thread: it is judged alone.
  assert.deepEqual(undisturbedRuns([0, 0, 1, 0, 0, 0]), [0, 1, 4, 5]);
  assert.deepEqual(undisturbedRuns([0, 0, 1, 0, 0, 0], [0, 0, 0, 1, 1, 1]), [0, 1, 3, 4, 5]);
  const cpu = Array.from({ length: 36 }, () => 1.5);
  const fork = cpu.map((_, i) => (i < 12 ? 0 : i < 24 ? 1 : 2));
  // Only fork 0 ran undisturbed: its 12 calm runs would hide the spread between forks.
  const switches = cpu.map((_, i) => (i < 12 ? 0 : 1));
  assert.equal(calmRunIndices(cpu, switches, fork).length, 36);
  // Two forks calm: their runs are kept, the busy fork's are not.
  const two = cpu.map((_, i) => (i < 24 ? 0 : 1));
  assert.deepEqual(calmRunIndices(cpu, two, fork), Array.from({ length: 24 }, (_, i) => i));
});

test('single-stream p50/p90/p99 in the gate and history are the report\'s figures over all calls, each call with its pass', async () => {
  const { figureOf } = await import('../../../src/history/metric-interval.js');
  const { relativeChange } = await import('../../../src/gate/compare.js');
  const t = makeSampleReport({ runs: 20 }).suites.throughput!;
  const ss = t.categories.simple.singleStream!;
  const metrics = throughputMetrics(t);
  for (const [id, statistic, figure] of [['median', 'median', ss.latencyMs.median], ['p90', 'p90', ss.latencyMs.p90], ['p99', 'p99', ss.latencyMs.p99]] as const) {
    const m = metrics.find((x) => x.id === `latency.simple.${id}`);
    assert.ok(m && m.kind === 'samples');
    assert.equal(m.statistic, statistic);
    assert.deepEqual(m.samples, ss.samples.callMs.flat());
    assert.deepEqual(m.runs, ss.samples.callMs.flatMap((run, r) => run.map(() => r)));
    assert.equal(m.groups, undefined, 'no forks: one process');
    assert.equal(m.unitOfIndependence, 'run');
    assert.equal(figureOf(m).value, figure, `history's ${id} is the report's`);
    assert.equal(relativeChange(m, m, m.statistic, 0.95, 200, 1).base, figure, `the gate's ${id} is the report's`);
  }
});

test('batch latency in the gate is the report\'s pooled median, each batch with its run (and its fork when forked)', () => {
  const t = makeSampleReport().suites.throughput!;
  const c = t.categories.simple;
  c.samples.batchMs = c.samples.batchMs.map((run, r) => [run[0], run[0] * 1.5, r]);
  const m = throughputMetrics(t).find((x) => x.id === 'latency.simple.batch');
  assert.ok(m && m.kind === 'samples');
  assert.deepEqual(m.samples, c.samples.batchMs.flat());
  assert.deepEqual(m.runs, c.samples.batchMs.flatMap((run, r) => run.map(() => r)));
  assert.equal(m.groups, undefined);
  c.samples.fork = c.samples.runMs.map((_, r) => r % 2);
  const forked = throughputMetrics(t).find((x) => x.id === 'latency.simple.batch');
  assert.ok(forked && forked.kind === 'samples');
  assert.deepEqual(forked.groups, c.samples.batchMs.flatMap((run, r) => run.map(() => r % 2)));
  assert.deepEqual(forked.runs, c.samples.batchMs.flatMap((run, r) => run.map(() => r)), 'forks, then runs inside them');
  assert.equal(forked.unitOfIndependence, 'process');
});

test('the CPU-time metric\'s label says which runs it used', () => {
  const t = makeSampleReport().suites.throughput!;
  const c = t.categories.simple;
  c.samples.switches = c.samples.runMs.map(() => 1);
  const busy = throughputMetrics(t).find((x) => x.id === 'throughput.simple.cpuInstructionsPerSecond');
  assert.match(busy!.label, /\(all runs: fewer than \d+ undisturbed\)$/);
  c.samples.switches = c.samples.runMs.map(() => 0);
  const calm = throughputMetrics(t).find((x) => x.id === 'throughput.simple.cpuInstructionsPerSecond');
  assert.match(calm!.label, /\(undisturbed runs\)$/);
});

test('history and the gate resample pooled calls as the report does: forks, then whole runs (with and without forks)', async () => {
  const { figureOf, clusterResamples, HISTORY_SEED } = await import('../../../src/history/metric-interval.js');
  const { runBootstrapInterval, quantileInPlace } = await import('../../../src/stats/cluster-bootstrap.js');
  const t = makeSampleReport({ runs: 12 }).suites.throughput!;
  const c = t.categories.simple;
  // Three batches a run, run levels spread so that drawing whole runs and drawing batches inside them differ.
  c.samples.batchMs = c.samples.batchMs.map((run, r) => [run[0] * (1 + r / 10), run[0] * (1.1 + r / 10), run[0] * (0.9 + r / 10)]);
  c.singleStream!.samples.callMs = c.singleStream!.samples.callMs.map((pass, r) => pass.map((x) => x * (1 + r / 8)));
  const q = { median: 0.5, p90: 0.9, p99: 0.99 } as const;
  for (const fork of [undefined, c.samples.runMs.map((_, r) => Math.floor(r / 4))]) {
    c.samples.fork = fork;
    c.singleStream!.samples.fork = fork;
    const metrics = throughputMetrics(t);
    const cases = [['latency.simple.batch', c.samples.batchMs, 'median'], ['latency.simple.median', c.singleStream!.samples.callMs, 'median'], ['latency.simple.p90', c.singleStream!.samples.callMs, 'p90']] as const;
    for (const [id, runs, statistic] of cases) {
      const m = metrics.find((x) => x.id === id);
      assert.ok(m && m.kind === 'samples');
      const f = figureOf(m);
      const report = runBootstrapInterval(runs, fork, (b) => quantileInPlace(b, q[statistic]), { resamples: clusterResamples(m.samples.length), seed: HISTORY_SEED, confidence: 0.95 });
      assert.deepEqual([f.lower, f.upper], report, `${id} ${fork ? 'forked' : 'one process'}: history draws the report's scheme`);
    }
  }
});
