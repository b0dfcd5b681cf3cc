import { test } from 'node:test';
import assert from 'node:assert/strict';
import { comparisonChart } from '../../../src/report/charts/comparison.js';
import { latencyChart } from '../../../src/report/charts/latency.js';
import { memoryCharts } from '../../../src/report/charts/memory.js';
import { parallelChart } from '../../../src/report/charts/parallel.js';
import { batchChart } from '../../../src/report/charts/scalability-batch.js';
import { objectsChart } from '../../../src/report/charts/scalability-objects.js';
import { stagesChart } from '../../../src/report/charts/stages.js';
import { systemTimelineChart } from '../../../src/report/charts/system-timeline.js';
import { throughputChart } from '../../../src/report/charts/throughput.js';
import type { BenchReport } from '../../../src/report/types.js';
import { makeSampleReport } from '../../helpers/sample-report.js';
import { assertRealChart } from './png-checks.js';

const single = [throughputChart, latencyChart, stagesChart, batchChart, objectsChart, parallelChart, systemTimelineChart];

test('each chart of a full report is a 2400×1200 opaque PNG with content, under its file name', async () => {
  const r = makeSampleReport();
  const expected = ['throughput.png', 'latency.png', 'stages.png', 'scalability-batch.png', 'scalability-objects.png', 'parallel.png', 'system.png'];
  for (const [i, build] of single.entries()) {
    const chart = build(r);
    assert.ok(chart, `${expected[i]} drawn`);
    assert.equal(chart.name, expected[i]);
    assert.ok(chart.title.length > 0);
    await assertRealChart(chart.png, chart.name);
  }
  const memory = memoryCharts(r);
  assert.deepEqual(memory.map((c) => c.name), ['memory-simple.png']);
  await assertRealChart(memory[0].png, 'memory');
});

test('charts of suites a report does not hold are skipped, not drawn empty', () => {
  const r: BenchReport = makeSampleReport();
  r.suites = {};
  r.timeline = { ...r.timeline, samples: [] };
  for (const build of single) assert.equal(build(r), null, build.name);
  assert.deepEqual(memoryCharts(r), []);
  const onlyParallel = makeSampleReport();
  delete onlyParallel.suites.throughput;
  delete onlyParallel.suites.scalability;
  assert.equal(throughputChart(onlyParallel), null);
  assert.equal(batchChart(onlyParallel), null);
  assert.ok(parallelChart(onlyParallel));
});

test('a disabled sampler gives no system chart even when samples are present', () => {
  const r = makeSampleReport();
  r.timeline = { ...r.timeline, enabled: false };
  assert.equal(systemTimelineChart(r), null);
});

test('scalability charts with one point or no scene points still behave', async () => {
  const r = makeSampleReport();
  r.suites.scalability!.objects = [];
  assert.equal(objectsChart(r), null);
  r.suites.scalability!.batch = r.suites.scalability!.batch.slice(0, 1);
  const batch = batchChart(r);
  assert.ok(batch);
  await assertRealChart(batch.png, 'one batch point');
});

test('the comparison chart needs two reports and draws categories of either', async () => {
  const a = makeSampleReport();
  const b = makeSampleReport({ seed: 2, slowdown: 1.2 });
  delete b.suites.throughput!.categories.stress;
  assert.equal(comparisonChart([{ label: 'a', report: a }]), null);
  const chart = comparisonChart([{ label: 'a.json', report: a }, { label: 'b.json', report: b }]);
  assert.ok(chart);
  assert.equal(chart.name, 'comparison-throughput.png');
  await assertRealChart(chart.png, 'comparison');
  const noThroughput = makeSampleReport();
  delete noThroughput.suites.throughput;
  assert.equal(comparisonChart([{ label: 'x', report: noThroughput }, { label: 'y', report: noThroughput }]), null);
});

test('a memory category without a timeline gets no chart; one with a leak says so in the title', async () => {
  const r = makeSampleReport();
  const simple = r.suites.memory!.categories.simple;
  r.suites.memory!.categories = { simple: { ...simple, timeline: [] }, leaky: { ...simple, leak: true, verdict: 'leak: 3 tensors per instruction' } };
  const charts = memoryCharts(r);
  assert.deepEqual(charts.map((c) => c.name), ['memory-leaky.png']);
  assert.equal(charts[0].title, 'Memory over the run (leaky)');
  await assertRealChart(charts[0].png, 'leaky');
});
