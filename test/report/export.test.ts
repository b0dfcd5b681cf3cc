import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportBencher, exportGithubBenchmark } from '../../src/report/export.js';
import { makeSampleReport } from '../helpers/sample-report.js';

test('github-action-benchmark entries have { name, unit, value, range?, extra? } and the report values', () => {
  const r = makeSampleReport();
  const bigger = exportGithubBenchmark(r, 'bigger');
  const smaller = exportGithubBenchmark(r, 'smaller');
  for (const e of [...bigger, ...smaller]) {
    assert.deepEqual(Object.keys(e).filter((k) => !['name', 'unit', 'value', 'range', 'extra'].includes(k)), []);
    assert.equal(typeof e.name, 'string');
    assert.equal(typeof e.unit, 'string');
    assert.ok(Number.isFinite(e.value), e.name);
    if (e.range !== undefined) assert.match(e.range, /^± \d/);
  }
  const names = (xs: { name: string }[]) => xs.map((e) => e.name);
  assert.equal(new Set(names(bigger)).size, bigger.length, 'names are unique');
  const simple = r.suites.throughput!.categories.simple;
  const t = bigger.find((e) => e.name === 'throughput/throughput/simple')!;
  assert.deepEqual([t.unit, t.value], ['instructions/s', simple.instructionsPerSecond]);
  assert.equal(t.range, `± ${Number(((simple.throughputSummary.ci95Median[1] - simple.throughputSummary.ci95Median[0]) / 2).toPrecision(3))}`);
  assert.equal(bigger.find((e) => e.name === 'speedup/parallel/2-workers')!.value, r.suites.parallel!.speedup);
  assert.equal(bigger.find((e) => e.name === 'throughput/scalability/batch-10')!.value, r.suites.scalability!.batch[2].instructionsPerSecond);
  assert.ok(!names(bigger).some((n) => n.startsWith('latency')), 'latency is never "bigger is better"');
  assert.equal(smaller.find((e) => e.name === 'latency/latency/simple')!.value, simple.singleStream!.latencyMs.median);
  assert.equal(smaller.find((e) => e.name === 'latency/latency p99/stress')!.value, r.suites.throughput!.categories.stress.singleStream!.latencyMs.p99);
  assert.equal(smaller.find((e) => e.name === 'latency/scalability/objects-64')!.value, r.suites.scalability!.objects[5].msPerInstruction);
  assert.equal(smaller.find((e) => e.name === 'retained-bytes-per-instruction/memory/simple')!.value, 12);
  assert.ok(!names(smaller).some((n) => n.startsWith('throughput')), 'throughput is never "smaller is better"');
});

test('Bencher Metric Format: benchmark → measure → { value, lower_value, upper_value }, latency in ns', () => {
  const r = makeSampleReport();
  const bmf = exportBencher(r);
  for (const measures of Object.values(bmf)) {
    for (const m of Object.values(measures)) {
      assert.ok(Number.isFinite(m.value));
      assert.deepEqual(Object.keys(m).filter((k) => !['value', 'lower_value', 'upper_value'].includes(k)), []);
      if (m.lower_value !== undefined) assert.ok(m.lower_value <= m.upper_value!);
    }
  }
  const c = r.suites.throughput!.categories.medium;
  assert.deepEqual(bmf['gasm/throughput/medium'].throughput, { value: c.instructionsPerSecond, lower_value: c.throughputSummary.ci95Median[0], upper_value: c.throughputSummary.ci95Median[1] });
  const ss = c.singleStream!.latencyMs;
  assert.deepEqual(bmf['gasm/latency/medium'].latency, { value: ss.median * 1e6, lower_value: ss.ci95Median[0] * 1e6, upper_value: ss.ci95Median[1] * 1e6 });
  assert.equal(bmf['gasm/throughput/medium']['constraint-satisfaction'].value, 100);
  assert.equal(bmf['gasm/scalability/objects-8'].latency.value, r.suites.scalability!.objects[2].msPerInstruction * 1e6);
  assert.equal(bmf['gasm/scalability/batch-100'].throughput.value, r.suites.scalability!.batch[5].instructionsPerSecond);
  assert.equal(bmf['gasm/memory/simple']['retained-bytes-per-instruction'].value, 12);
  assert.equal(bmf['gasm/parallel/2-workers'].speedup.value, r.suites.parallel!.speedup);
  // Every time figure in ns, custom measures too: one upload never mixes ms and ns.
  assert.equal(bmf['gasm/throughput/medium']['batch-latency'].value, c.batchLatencyMs.median * 1e6);
  assert.equal(bmf['gasm/throughput/medium']['batch-latency'].lower_value, c.batchLatencyMs.ci95Median[0] * 1e6);
});

test('a report with only some suites exports only those', () => {
  const r = makeSampleReport();
  r.suites = { parallel: r.suites.parallel };
  assert.deepEqual(Object.keys(exportBencher(r)), ['gasm/parallel/2-workers']);
  assert.deepEqual(exportGithubBenchmark(r, 'smaller'), []);
});
