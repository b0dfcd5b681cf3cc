import { test } from 'node:test';
import assert from 'node:assert/strict';
import { throughputTables } from '../../../src/suites/throughput/tables.js';
import { makeSampleReport } from '../../helpers/sample-report.js';

const view = { backend: 'wasm', subtitle: '', cores: 2 };

test('the two core shares are labelled apart and the notes say why they differ', () => {
  const t = makeSampleReport().suites.throughput!;
  const c = t.categories.simple;
  c.coreShare = 1.0;
  c.noise = { coreShare: 1.44, otherCores: 0.1, stealShare: 0, wallCv: 0.01, cpuCv: 0.01, busy: false };
  const [main, noise] = throughputTables(t, view);
  const runCol = main.head.indexOf('core share, median run');
  assert.ok(runCol > 0, main.head.join('|'));
  const row = main.rows.find((r) => r[0] === 'simple')!;
  assert.equal(row[runCol], '1.00');
  assert.match(main.notes!.join(' '), /Core share, median run: the median over runs of each run’s CPU time \/ wall time, timed region only/);
  const loopCol = noise.head.indexOf('core share, whole loop');
  assert.ok(loopCol > 0, noise.head.join('|'));
  assert.equal(noise.rows.find((r) => r[0] === 'simple')![loopCol], '1.44');
  assert.match(noise.notes!.join(' '), /whole measured loop .*not the throughput table’s median run/);
});

test('instr/CPU-s says which runs it is over; success counts instructions and names varied outcomes', () => {
  const t = makeSampleReport().suites.throughput!;
  t.categories.simple.cpuRuns = 'all';
  t.categories.simple.qualityVaried = 2;
  const [main] = throughputTables(t, view);
  const row = main.rows.find((r) => r[0] === 'simple')!;
  assert.match(row[main.head.indexOf('instr/CPU-s median')], /\(all runs\)$/);
  assert.ok(main.head.includes('success (instructions)'));
  assert.match(main.notes!.join(' '), /simple: 2 instruction\(s\) succeeded in some runs and failed in others/);
});

test('a report made before these fields existed is described as it was computed (all runs, every response, pooled batches)', () => {
  const t = makeSampleReport().suites.throughput!;
  for (const c of Object.values(t.categories)) {
    delete c.cpuRuns;
    delete c.qualityVaried;
  }
  const [main] = throughputTables(t, view);
  assert.ok(main.head.includes('success (responses)'), main.head.join('|'));
  const notes = main.notes!.join(' ');
  assert.match(notes, /instr\/CPU-s is the median over all runs \(this report predates/);
  assert.match(notes, /count every response of every run/);
  assert.match(notes, /its interval over the batches pooled/);
  assert.doesNotMatch(notes, /resamples whole runs|count each distinct instruction once/);
});
