import { test } from 'node:test';
import assert from 'node:assert/strict';
import { comparisonChart } from '../../../src/report/charts/comparison.js';
import { systemTimelineChart } from '../../../src/report/charts/system-timeline.js';
import { viewOf } from '../../../src/report/charts/theme.js';
import { chartsFor } from '../../../src/report/render.js';
import { memoryCharts } from '../../../src/suites/memory/charts/memory.js';
import { speedupChart } from '../../../src/suites/parallel/charts/speedup.js';
import { batchChart } from '../../../src/suites/scalability/charts/batch.js';
import { objectsChart } from '../../../src/suites/scalability/charts/objects.js';
import { latencyChart } from '../../../src/suites/throughput/charts/latency-box.js';
import { throughputChart } from '../../../src/suites/throughput/charts/throughput-bars.js';
import { makeSampleReport } from '../../helpers/sample-report.js';
import { assertRealChart } from './png-checks.js';

test('every chart of a full report (every suite of the registry, then the system timeline) is a 2400×1200 opaque PNG with content', async () => {
  const r = makeSampleReport();
  const { charts, notes } = chartsFor(r);
  assert.deepEqual(notes, []);
  assert.deepEqual(charts.map((c) => c.name), ['throughput.png', 'latency.png', 'stages.png', 'scalability-batch.png', 'scalability-objects.png', 'memory-simple.png', 'parallel.png', 'system.png']);
  for (const chart of charts) {
    assert.ok(chart.title.length > 0);
    await assertRealChart(chart.png, chart.name);
  }
});

test('charts of suites a report does not hold are skipped, not drawn empty', () => {
  const r = makeSampleReport();
  r.suites = {};
  r.timeline = { ...r.timeline, samples: [] };
  const { charts, notes } = chartsFor(r);
  assert.deepEqual(charts, []);
  assert.equal(notes.length, 1);
  const onlyParallel = makeSampleReport();
  delete onlyParallel.suites.throughput;
  delete onlyParallel.suites.scalability;
  delete onlyParallel.suites.memory;
  assert.deepEqual(chartsFor(onlyParallel).charts.map((c) => c.name), ['parallel.png', 'system.png']);
});

test('a throughput category without a single-stream pass gets no latency box, and an empty result no bars', () => {
  const r = makeSampleReport();
  const t = r.suites.throughput!;
  const view = viewOf(r);
  for (const c of Object.values(t.categories)) c.singleStream = null;
  assert.equal(latencyChart(t, view), null);
  assert.ok(throughputChart(t, view));
  assert.equal(throughputChart({ batchSize: 64, categories: {} }, view), null);
});

test('a disabled sampler gives no system chart even when samples are present', () => {
  const r = makeSampleReport();
  r.timeline = { ...r.timeline, enabled: false };
  assert.equal(systemTimelineChart(r), null);
});

test('scalability charts with one point, no scene points or no fit still behave', async () => {
  const r = makeSampleReport();
  const s = r.suites.scalability!;
  const view = viewOf(r);
  s.complexity = null;
  const objects = objectsChart(s, view);
  assert.ok(objects);
  await assertRealChart(objects.render(), 'objects without a fit');
  s.objects = [];
  assert.equal(objectsChart(s, view), null);
  s.batch = s.batch.slice(0, 1);
  s.gain = null;
  const batch = batchChart(s, view);
  assert.ok(batch);
  await assertRealChart(batch.render(), 'one batch point');
});

test('the parallel chart shows the machine capacity beside the pipeline', async () => {
  const r = makeSampleReport();
  const chart = speedupChart(r.suites.parallel!, viewOf(r));
  assert.equal(chart.name, 'parallel');
  await assertRealChart(chart.render(), 'parallel');
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
  const m = r.suites.memory!;
  const simple = m.categories.simple;
  m.categories = { simple: { ...simple, timeline: [] }, leaky: { ...simple, leak: true, verdict: 'leak: 3 tensors per instruction' } };
  const charts = memoryCharts(m, viewOf(r));
  assert.deepEqual(charts.map((c) => c.name), ['memory-leaky']);
  assert.equal(charts[0].title, 'Memory over the run (leaky)');
  await assertRealChart(charts[0].render(), 'leaky');
});
