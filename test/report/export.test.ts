import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportBencher, exportGithubBenchmark } from '../../src/report/export.js';
import { makeSampleReport } from '../helpers/sample-report.js';

test('github-action-benchmark entries carry the report values in the right direction', () => {
  const r = makeSampleReport();
  const bigger = exportGithubBenchmark(r, 'bigger');
  const smaller = exportGithubBenchmark(r, 'smaller');
  const t = bigger.find((e) => e.name === 'throughput/simple')!;
  assert.equal(t.value, r.suites.throughput!.categories.simple.instructionsPerSecond);
  assert.equal(t.unit, 'instructions/s');
  assert.ok(bigger.every((e) => typeof e.name === 'string' && Number.isFinite(e.value)));
  assert.ok(!bigger.some((e) => e.name.startsWith('latency')));
  assert.equal(smaller.find((e) => e.name === 'latency p50/simple')!.value, r.suites.throughput!.categories.simple.latencyMs.p50);
  assert.ok(bigger.some((e) => e.name.startsWith('parallel speedup')));
});

test('Bencher Metric Format: benchmark → measure → value with bounds', () => {
  const r = makeSampleReport();
  const bmf = exportBencher(r);
  const c = r.suites.throughput!.categories.medium;
  assert.deepEqual(bmf['gasm/throughput/medium'].throughput, { value: c.instructionsPerSecond, lower_value: c.throughputSummary.ci95[0], upper_value: c.throughputSummary.ci95[1] });
  assert.equal(bmf['gasm/throughput/medium'].latency.value, c.latencyMs.median * 1e6);
  assert.equal(bmf['gasm/parallel'].speedup.value, r.suites.parallel!.speedup);
});
