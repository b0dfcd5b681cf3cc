import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LEAK_BYTES_PER_INSTRUCTION } from '../../../src/bench/constants.js';
import { compareReports } from '../../../src/gate/compare.js';
import { figureOf } from '../../../src/history/metric-interval.js';
import type { BenchReport } from '../../../src/report/types.js';
import { MEMORY_FLOOR_BYTES, memoryMetrics } from '../../../src/suites/memory/metrics.js';
import { median } from '../../../src/stats/quantile.js';
import { makeSampleReport } from '../../helpers/sample-report.js';

const options = { threshold: 0.1, confidence: 0.95, metrics: ['memory.'] };

function withRetained(samples: number[], seed: number): BenchReport {
  const r = makeSampleReport({ seed });
  const c = r.suites.memory!.categories.simple;
  c.samples = samples;
  c.retainedBytesPerInstruction = median(samples);
  c.leak = c.retainedBytesPerInstruction > LEAK_BYTES_PER_INSTRUCTION;
  return r;
}

test('the noise floor is below the leak limit', () => {
  assert.ok(MEMORY_FLOOR_BYTES > 0 && MEMORY_FLOOR_BYTES <= LEAK_BYTES_PER_INSTRUCTION, `${MEMORY_FLOOR_BYTES} B floor, ${LEAK_BYTES_PER_INSTRUCTION} B limit`);
});

test('a current run the suite calls a leak fails the gate against a clean baseline (the audit case)', () => {
  const base = withRetained([10, 12, 8, 9], 1);
  const leaky = withRetained([1000, 990, 1010, 1005], 2);
  assert.equal(leaky.suites.memory!.categories.simple.leak, true);
  const result = compareReports([base], leaky, options);
  assert.equal(result.passed, false);
  const c = result.comparisons[0];
  assert.equal(c.verdict, 'regression', c.reason);
  assert.doesNotMatch(c.reason, /noise floor/);
});

test('a leak just above the limit from a baseline at 3/4 of it still fails', () => {
  const limit = LEAK_BYTES_PER_INSTRUCTION;
  const base = withRetained([0.74, 0.75, 0.76, 0.75, 0.74].map((f) => f * limit), 1);
  const leaky = withRetained([1.01, 1.02, 1.01, 1.03, 1.02].map((f) => f * limit), 2);
  assert.equal(compareReports([base], leaky, options).comparisons[0].verdict, 'regression');
});

test('changes of a few bytes per instruction stay within the floor', () => {
  const base = withRetained([10, 12, 8, 9], 1);
  const noisy = withRetained([30, 25, 35, 28], 2);
  const c = compareReports([base], noisy, options).comparisons[0];
  assert.equal(c.verdict, 'no-change');
  assert.match(c.reason, /noise floor/);
});

test('gate and history read the figure the report prints: the median over repetitions', () => {
  const r = withRetained([342, 382.3, 300, 390, 400.5], 1);
  const [metric] = memoryMetrics(r.suites.memory!);
  assert.equal(metric.kind, 'samples');
  assert.equal(figureOf(metric).value, r.suites.memory!.categories.simple.retainedBytesPerInstruction);
  assert.equal(figureOf(metric).value, 382.3);
  const self = compareReports([r], r, options).comparisons[0];
  assert.equal(self.baseline, 382.3);
  assert.equal(self.method, 'bootstrap-median');
});

test('a run past the suite’s own limits fails the gate whatever the baseline: retained bytes just over it, or tensors left behind', () => {
  const limit = LEAK_BYTES_PER_INSTRUCTION;
  // +8 %: under the 10 % threshold, but over the leak limit.
  const base = withRetained([0.95, 0.96, 0.94, 0.95].map((f) => f * limit), 1);
  const over = withRetained([1.03, 1.02, 1.04, 1.03].map((f) => f * limit), 2);
  const retained = compareReports([base], over, { ...options, metrics: ['memory.simple.retainedBytesPerInstruction'] }).comparisons[0];
  assert.equal(retained.verdict, 'regression', retained.reason);
  assert.match(retained.reason, /past its limit: .* above the suite's limit of 512 B\/instr \(baseline 486\.4\)/);

  const clean = withRetained([10, 12, 8, 9], 1);
  const leakedTensors = withRetained([10, 12, 8, 9], 2);
  leakedTensors.suites.memory!.categories.simple.leakedTensors = 3;
  const tensors = compareReports([clean], leakedTensors, { ...options, metrics: ['memory.simple.leakedTensors'] }).comparisons[0];
  assert.equal(tensors.verdict, 'regression', tensors.reason);
  assert.match(tensors.reason, /3\.0 tensors is above the suite's limit of 0 tensors/);
  // The clean run passes both.
  const ok = compareReports([clean], withRetained([11, 9, 10, 12], 3), options);
  assert.equal(ok.passed, true, JSON.stringify(ok.comparisons.map((c) => c.reason)));
});

test('too few repetitions of retained bytes are inconclusive unless past the limit; only the tensor count is a limit check alone', () => {
  const base = withRetained([10, 12, 8, 9], 1);
  const one = withRetained([400], 2);
  const c = compareReports([base], one, { ...options, metrics: ['memory.simple.retainedBytesPerInstruction'] }).comparisons[0];
  assert.equal(c.verdict, 'inconclusive', c.reason);
  const over = compareReports([base], withRetained([600], 2), { ...options, metrics: ['memory.simple.retainedBytesPerInstruction'] }).comparisons[0];
  assert.equal(over.verdict, 'regression', over.reason);
  const tensors = compareReports([base], one, { ...options, metrics: ['memory.simple.leakedTensors'] }).comparisons[0];
  assert.equal(tensors.verdict, 'no-change');
  assert.match(tensors.reason, /^within noise threshold: 0 tensors, within the suite's limit of 0/);
});
