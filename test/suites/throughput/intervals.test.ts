import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapCI } from '../../../src/stats/bootstrap.js';
import { runBootstrapInterval, quantileInPlace } from '../../../src/stats/cluster-bootstrap.js';
import { mean } from '../../../src/stats/descriptive.js';
import { medianInPlace } from '../../../src/stats/select.js';
import { summarize } from '../../../src/stats/summary.js';
import { RUN_RESAMPLES, RUN_SEED, summarizePerRun, summarizeRuns } from '../../../src/suites/throughput/intervals.js';
import { summarizeSingleStream } from '../../../src/suites/throughput/single-stream.js';

const options = { resamples: RUN_RESAMPLES, seed: RUN_SEED };
// 16 runs of 12 values: tight inside a run, run levels spread from 1 to 1.5 (what shared machine state does).
const runs = Array.from({ length: 16 }, (_, r) => Array.from({ length: 12 }, (_, i) => 1 + (r % 8) / 14 + (i % 4) * 0.002));

test('summarizeRuns: pooled figures, mean and median intervals drawn by whole runs (wider than over values)', () => {
  const s = summarizeRuns(runs);
  const pooled = summarize(runs.flat());
  assert.equal(s.median, pooled.median);
  assert.equal(s.p99, pooled.p99);
  assert.equal(s.n, 192);
  assert.deepEqual(s.ci95Median, runBootstrapInterval(runs, undefined, (b) => medianInPlace(b), options));
  assert.deepEqual(s.ci95, runBootstrapInterval(runs, undefined, (b) => mean(b), options));
  const width = (ci: [number, number]) => ci[1] - ci[0];
  assert.ok(width(s.ci95) > 2 * width(pooled.ci95), `mean: runs ${s.ci95} vs values ${pooled.ci95}`);
  assert.ok(width(s.ci95Median) > width(pooled.ci95Median), `median: runs ${s.ci95Median} vs values ${pooled.ci95Median}`);
});

test('summarizePerRun: one value per run; with forks the intervals resample forks first', () => {
  const values = Array.from({ length: 40 }, (_, r) => 100 * (1 + Math.floor(r / 10) * 0.1) + (r % 3));
  const fork = values.map((_, r) => Math.floor(r / 10));
  assert.deepEqual(summarizePerRun(values), summarize(values), 'no forks: summarize');
  assert.deepEqual(summarizePerRun(values, fork.map(() => 0)), summarize(values), 'one fork: summarize');
  const s = summarizePerRun(values, fork);
  assert.equal(s.median, summarize(values).median);
  assert.deepEqual(s.ci95Median, runBootstrapInterval(values.map((v) => [v]), fork, (b) => medianInPlace(b), options));
  assert.ok(s.ci95Median[1] - s.ci95Median[0] > summarize(values).ci95Median[1] - summarize(values).ci95Median[0]);
});

test('single-stream: the mean\'s interval and the quantiles\' intervals resample passes, forks first when forked', () => {
  const raw = { callMs: runs, cpuMs: runs.map(() => 1), switches: runs.map(() => 0) };
  const ss = summarizeSingleStream(12, raw);
  assert.deepEqual(ss.latencyMs.ci95, runBootstrapInterval(runs, undefined, (b) => mean(b), options));
  const overCalls = bootstrapCI(runs.flat(), mean);
  assert.ok(ss.latencyMs.ci95[1] - ss.latencyMs.ci95[0] > 2 * (overCalls[1] - overCalls[0]), 'wider than the bootstrap over calls');
  const fork = runs.map((_, r) => (r < 8 ? 0 : 1));
  const forked = summarizeSingleStream(12, raw, fork);
  assert.deepEqual(forked.ci95P99, runBootstrapInterval(runs, fork, (b) => quantileInPlace(b, 0.99), options));
  assert.deepEqual(forked.latencyMs.ci95Median, runBootstrapInterval(runs, fork, (b) => medianInPlace(b), options));
});
