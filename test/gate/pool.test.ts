import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareReports, relativeChange } from '../../src/gate/compare.js';
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

/** The sample report with every batch and single-stream call scaled by k (a process k times as slow). */
function scaled(k: number) {
  const r = makeSampleReport({ seed: 3 });
  for (const c of Object.values(r.suites.throughput!.categories)) {
    c.samples.batchMs = c.samples.batchMs.map((run) => run.map((x) => x * k));
    c.singleStream!.samples.callMs = c.singleStream!.samples.callMs.map((run) => run.map((x) => x * k));
  }
  return r;
}

test('pooled calls keep their runs (unique across reports) under one process per report-and-fork', () => {
  const a = makeSampleReport({ seed: 1, runs: 4 });
  const b = makeSampleReport({ seed: 2, runs: 3 });
  b.suites.throughput!.categories.simple.singleStream!.samples.fork = [0, 1, 1];
  const m = poolMetrics([a, b]).get('latency.simple.median');
  assert.ok(m?.kind === 'samples' && m.runs && m.groups);
  const calls = [a, b].map((r) => r.suites.throughput!.categories.simple.singleStream!.samples.callMs);
  assert.deepEqual(m.samples, calls.flatMap((c) => c.flat()));
  // Report a: passes 0-3, one process; report b: passes 4-6, its forks 0 and 1 two more processes.
  assert.deepEqual(m.runs, [...calls[0].flatMap((pass, k) => pass.map(() => k)), ...calls[1].flatMap((pass, k) => pass.map(() => 4 + k))]);
  assert.deepEqual(m.groups, [...calls[0].flat().map(() => 0), ...calls[1].flatMap((pass, k) => pass.map(() => (k === 0 ? 1 : 2)))]);
});

test('pooled A/A: a current report identical to one of the baselines is no regression (processes resampled, runs whole)', () => {
  // Four baseline processes, latencies ×0.7, ×0.75, ×1.0, ×1.2 of one report; the current one is the ×1.0 report.
  // Before, pooled groups were the runs of all reports (80 groups), the interval hugged the pooled median and
  // the +16 % of the current over the pooled median was a regression (and its p90's −12 % an improvement).
  const result = compareReports([scaled(0.7), scaled(0.75), scaled(1), scaled(1.2)], scaled(1), { threshold: 0.1, confidence: 0.95, metrics: ['latency'] });
  assert.ok(result.comparisons.length >= 16);
  for (const c of result.comparisons) assert.ok(c.verdict !== 'regression' && c.verdict !== 'improvement', `${c.id} ${c.reason} [${c.ci}]`);
  assert.equal(result.passed, true);
  // The reviewer's case (×0.8, ×1.0, ×1.2; current ×1.2): the interval spans the spread between the processes,
  // from the current's own level (0) to the fastest baseline's (+50 %); before, [+6.5 %, +17.7 %] on real reports.
  const edge = compareReports([scaled(0.8), scaled(1), scaled(1.2)], scaled(1.2), { threshold: 0.1, confidence: 0.95, metrics: ['latency.simple.batch', 'latency.simple.median'] });
  for (const c of edge.comparisons) assert.ok(c.ci[0] < 0.01 && c.ci[1] > 0.4, `${c.id} [${c.ci}]`);
});

test('the gate draws a pooled-call side by whole runs: no median made of calls drawn inside one run', () => {
  // Baseline: two runs [1,2,3] and [7,8,9]; a draw of two whole runs has median 2, 5 or 8. Current: constant 5,
  // so every replicate of the change is 5/2 − 1, 0 or 5/8 − 1, and so are the interval's ends.
  const base = { samples: [1, 2, 3, 7, 8, 9], runs: [0, 0, 0, 1, 1, 1] };
  const cur = { samples: [5, 5, 5, 5, 5, 5], runs: [0, 0, 0, 1, 1, 1] };
  const r = relativeChange(base, cur, 'median', 0.95, 2000, 7);
  assert.equal(r.estimate, 0);
  assert.deepEqual([r.lower, r.upper], [5 / 8 - 1, 5 / 2 - 1]);
  // Forked: the same runs in two forks draw forks, then runs, still whole.
  const forked = relativeChange({ ...base, groups: [0, 0, 0, 1, 1, 1] }, cur, 'median', 0.95, 2000, 7);
  assert.deepEqual([forked.lower, forked.upper], [5 / 8 - 1, 5 / 2 - 1]);
});
