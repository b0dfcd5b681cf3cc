import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareReports, type GateOptions } from '../../src/gate/compare.js';
import { gateVerdict, verdictFails } from '../../src/gate/verdict.js';
import { loaded, quiet, withReference } from './busy-reports.js';

const options: GateOptions = { threshold: 0.1, confidence: 0.95, metrics: ['throughput.simple', 'latency.simple.batch'] };

test('A/A with a busy machine during the current run: inconclusive (machine busy), exit 0 unless --strict', () => {
  const result = compareReports([quiet(1)], loaded(2), options);
  const wall = result.comparisons.find((c) => c.id === 'throughput.simple.instructionsPerSecond')!;
  assert.ok(wall.change < -0.4, `wall time moved ${wall.change}`);
  assert.equal(wall.verdict, 'inconclusive');
  assert.equal(wall.inconclusiveCause, 'machine-busy');
  assert.match(wall.reason, /^inconclusive: machine busy \(the benchmark got 0\.41 of a core, others used 1\.90 cores against 0\.99 in the baseline\); CPU time did not regress \(throughput\.simple\.cpuInstructionsPerSecond/);
  const batch = result.comparisons.find((c) => c.id === 'latency.simple.batch')!;
  assert.equal(batch.verdict, 'inconclusive', 'batch latency has the same CPU-time twin');
  assert.notEqual(result.comparisons.find((c) => c.id === 'throughput.simple.cpuInstructionsPerSecond')!.verdict, 'regression');
  assert.equal(result.passed, true);
  const verdict = gateVerdict(result);
  assert.equal(verdict, 'inconclusive');
  assert.equal(verdictFails(verdict, false), false);
  assert.equal(verdictFails(verdict, true), true, '--strict fails on it');
});

test('a 15% slowdown on a busy machine is still a regression: CPU time regressed too', () => {
  const result = compareReports([quiet(1)], loaded(2, 1.15), options);
  const wall = result.comparisons.find((c) => c.id === 'throughput.simple.instructionsPerSecond')!;
  const cpu = result.comparisons.find((c) => c.id === 'throughput.simple.cpuInstructionsPerSecond')!;
  assert.equal(cpu.verdict, 'regression', cpu.reason);
  assert.equal(wall.verdict, 'regression');
  assert.match(wall.reason, /the machine was busy but CPU time regressed too/);
  assert.equal(gateVerdict(result), 'regression');
});

test('a wall-time regression on a quiet machine stays a regression even when CPU time did not move', () => {
  const base = quiet(1);
  const cur = quiet(2);
  const c = cur.suites.throughput!.categories.simple;
  c.samples.runMs = c.samples.runMs.map((ms) => ms * 1.3);
  c.samples.instructionsPerSecond = c.samples.runMs.map((ms) => (c.instructions / ms) * 1000);
  const result = compareReports([base], cur, options);
  assert.equal(result.comparisons.find((x) => x.id === 'throughput.simple.instructionsPerSecond')!.verdict, 'regression');
  assert.equal(gateVerdict(result), 'regression');
});

test('reports without a noise figure (older runs) are gated as before', () => {
  const base = quiet(1);
  const cur = loaded(2);
  delete base.suites.throughput!.categories.simple.noise;
  delete cur.suites.throughput!.categories.simple.noise;
  const result = compareReports([base], cur, options);
  assert.equal(result.comparisons.find((x) => x.id === 'throughput.simple.instructionsPerSecond')!.verdict, 'regression');
});

test('every comparison says why, in criterion\'s words', () => {
  const result = compareReports([quiet(1)], quiet(2), { ...options, metrics: undefined });
  for (const c of result.comparisons) {
    assert.match(c.reason, /^(within noise threshold|interval spans 0|regressed|improved|inconclusive: )/, `${c.id}: ${c.reason}`);
  }
});

test('a busy run with almost no undisturbed run: its CPU time carries the contention, so both are inconclusive', () => {
  const cur = loaded(2, 1.4);
  cur.suites.throughput!.categories.simple.noise = { ...cur.suites.throughput!.categories.simple.noise!, undisturbedRuns: 2 };
  const result = compareReports([quiet(1)], cur, options);
  const cpu = result.comparisons.find((c) => c.id === 'throughput.simple.cpuInstructionsPerSecond')!;
  assert.equal(cpu.verdict, 'inconclusive');
  assert.match(cpu.reason, /only 2 run\(s\) were not preempted, so CPU time carries the contention/);
  const wall = result.comparisons.find((c) => c.id === 'throughput.simple.instructionsPerSecond')!;
  assert.equal(wall.verdict, 'inconclusive');
  assert.match(wall.reason, /CPU time cannot tell either/);
  assert.equal(gateVerdict(result), 'inconclusive');
  // With enough undisturbed runs the same CPU-time change is a regression.
  cur.suites.throughput!.categories.simple.noise = { ...cur.suites.throughput!.categories.simple.noise!, undisturbedRuns: 40 };
  assert.equal(gateVerdict(compareReports([quiet(1)], cur, options)), 'regression');
});

test('under load the machine itself is slower (CPU time and the reference workload both +12%): not a regression', () => {
  const base = withReference(quiet(1), 1);
  const cur = withReference(loaded(2, 1.12 / 1.05), 2, 1.12);
  const result = compareReports([base], cur, options);
  const cpu = result.comparisons.find((c) => c.id === 'throughput.simple.cpuInstructionsPerSecond')!;
  const ref = result.comparisons.find((c) => c.id === 'throughput.simple.instructionsPerReferenceUnit')!;
  const wall = result.comparisons.find((c) => c.id === 'throughput.simple.instructionsPerSecond')!;
  assert.ok(cpu.change < -0.08, `CPU time moved ${cpu.change}`);
  assert.notEqual(ref.verdict, 'regression', ref.reason);
  assert.equal(cpu.verdict, 'inconclusive', cpu.reason);
  assert.match(cpu.reason, /^inconclusive: machine busy .*CPU time in reference units did not regress/);
  assert.equal(wall.verdict, 'inconclusive', wall.reason);
  assert.match(wall.reason, /CPU time cannot tell either/);
  assert.equal(gateVerdict(result), 'inconclusive');
});

test('a 15% slower build under load is caught in reference units too', () => {
  const base = withReference(quiet(1), 1);
  const cur = withReference(loaded(2, 1.15), 2, 1.0);
  const result = compareReports([base], cur, options);
  const ref = result.comparisons.find((c) => c.id === 'throughput.simple.instructionsPerReferenceUnit')!;
  const cpu = result.comparisons.find((c) => c.id === 'throughput.simple.cpuInstructionsPerSecond')!;
  assert.equal(ref.verdict, 'regression', ref.reason);
  assert.equal(cpu.verdict, 'regression', cpu.reason);
  assert.match(cpu.reason, /the machine was busy but CPU time in reference units regressed too/);
  assert.equal(gateVerdict(result), 'regression');
});

test('on a quiet machine a CPU-time regression stands whatever the reference says', () => {
  const base = withReference(quiet(1), 1);
  const cur = withReference(quiet(2, 1.2), 2, 1.2);
  const result = compareReports([base], cur, options);
  assert.equal(result.comparisons.find((c) => c.id === 'throughput.simple.cpuInstructionsPerSecond')!.verdict, 'regression');
  assert.equal(gateVerdict(result), 'regression');
});
