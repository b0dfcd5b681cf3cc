import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractMetrics } from '../../src/gate/extract.js';
import { poolMetrics } from '../../src/gate/pool.js';
import { makeSampleReport } from '../helpers/sample-report.js';

test('pooling concatenates samples and adds counts, without touching the reports', () => {
  const a = makeSampleReport({ seed: 1, runs: 5 });
  const b = makeSampleReport({ seed: 2, runs: 8, satisfaction: 0.5 });
  const before = structuredClone(a);
  const pooled = poolMetrics([a, b]);
  const t = pooled.get('throughput.simple.instructionsPerSecond');
  assert.ok(t?.kind === 'samples');
  assert.deepEqual(t.samples, [...a.suites.throughput!.categories.simple.samples.instructionsPerSecond, ...b.suites.throughput!.categories.simple.samples.instructionsPerSecond]);
  const q = pooled.get('quality.simple.constraintSatisfactionRate');
  const qa = a.suites.throughput!.categories.simple.quality;
  const qb = b.suites.throughput!.categories.simple.quality;
  assert.ok(q?.kind === 'proportion');
  assert.equal(q.successes, qa.satisfiedConstraints + qb.satisfiedConstraints);
  assert.equal(q.trials, qa.constraints + qb.constraints);
  assert.deepEqual(a, before, 'the first report is not mutated by pooling');
});

test('one report pools to its own metrics; a metric in one baseline only is kept', () => {
  const a = makeSampleReport({ seed: 1 });
  assert.deepEqual(poolMetrics([a]), extractMetrics(a));
  const b = makeSampleReport({ seed: 2 });
  delete b.suites.parallel;
  const pooled = poolMetrics([b, a]);
  const s = pooled.get('parallel.speedup');
  assert.ok(s?.kind === 'samples');
  assert.deepEqual(s.samples, a.suites.parallel!.samples.speedup);
});

test('pooled reports keep a group per report (and per fork inside it), so the gate resamples reports first', () => {
  const a = makeSampleReport({ seed: 1 });
  const b = makeSampleReport({ seed: 2 });
  const pooled = poolMetrics([a, b]).get('throughput.simple.instructionsPerSecond');
  assert.ok(pooled?.kind === 'samples' && pooled.groups);
  const na = a.suites.throughput!.categories.simple.samples.instructionsPerSecond.length;
  assert.deepEqual(new Set(pooled.groups.slice(0, na)), new Set([0]));
  assert.deepEqual(new Set(pooled.groups.slice(na)), new Set([1]));
  assert.equal(pooled.groups.length, pooled.samples.length);
});
