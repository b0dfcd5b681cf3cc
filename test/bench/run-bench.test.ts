import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runBenchmark, type BenchOptions } from '../../src/bench/run-bench.js';
import { validateReport } from '../../src/report/validate.js';
import type { AnySuite } from '../../src/suites/contract.js';
import { findSuite } from '../../src/suites/registry.js';

const throughput = findSuite('throughput')!;
const memory = findSuite('memory')!;
const failing = (message: string): AnySuite => ({ ...memory, run: async () => { throw new Error(message); } });

function options(suites: BenchOptions['suites']): BenchOptions {
  return {
    suites,
    label: 'all',
    bridge: {},
    sets: [{ name: 'simple', instructions: ['place the red box on the table'] }],
    suiteFile: null,
    policy: { warmup: 0, warmupTimeMs: 0, runs: 2, minRuns: 1, minTimeMs: 0 },
    sampleIntervalMs: 250,
    sampler: false,
  };
}

test('a failed suite is a value: its outcome says why and the suites measured before it are kept', async () => {
  const report = await runBenchmark(options([
    { suite: throughput, options: { batchSize: 1, singleStream: false, reference: true } },
    { suite: failing('disk on fire'), options: memory.parseOptions({}) },
  ]));
  assert.equal(report.outcomes.throughput.status, 'ok');
  assert.deepEqual({ status: report.outcomes.memory.status, error: report.outcomes.memory.error }, { status: 'failed', error: 'disk on fire' });
  assert.ok(report.suites.throughput?.categories.simple);
  assert.equal(report.suites.memory, undefined);
  assert.ok(report.warnings.some((w) => w.code === 'SUITE_FAILED' && w.message.includes('disk on fire')));
  assert.equal(report.complete, true);
  assert.deepEqual(report.config.suites.throughput, { batchSize: 1, singleStream: false, reference: true });
  assert.ok(report.process.startupMs > 0 && report.process.totalMs >= report.process.startupMs);
  validateReport(JSON.parse(JSON.stringify(report)), 'the report');
});

test('an interrupt before a suite marks it and the rest skipped; the report is incomplete', async () => {
  const controller = new AbortController();
  controller.abort();
  const report = await runBenchmark(options([{ suite: throughput, options: { batchSize: 1, singleStream: false, reference: true } }]), { signal: controller.signal });
  assert.equal(report.outcomes.throughput.status, 'skipped');
  assert.equal(report.complete, false);
});
