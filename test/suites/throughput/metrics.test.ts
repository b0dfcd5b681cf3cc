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
