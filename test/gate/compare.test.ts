import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReportError } from '../../src/errors.js';
import { compareReports, type GateOptions } from '../../src/gate/compare.js';
import { makeSampleReport } from '../helpers/sample-report.js';

const options: GateOptions = { threshold: 0.05, confidence: 0.95 };

test('a report against itself passes with no change on every timing metric', () => {
  const r = makeSampleReport();
  const result = compareReports([r], r, options);
  assert.equal(result.passed, true);
  for (const c of result.comparisons) assert.notEqual(c.verdict, 'regression', c.id);
  const timing = result.comparisons.filter((c) => c.method.startsWith('bootstrap'));
  assert.ok(timing.length > 10);
  for (const c of timing) assert.ok(['no-change', 'inconclusive'].includes(c.verdict), `${c.id}: ${c.verdict}`);
});

test('A/A: ten reruns with different noise never fail', () => {
  for (let seed = 2; seed < 12; seed++) {
    const result = compareReports([makeSampleReport({ seed: 1 })], makeSampleReport({ seed }), options);
    assert.equal(result.passed, true, `seed ${seed}: ${result.comparisons.filter((c) => c.verdict === 'regression').map((c) => c.id)}`);
  }
});

test('a 15% slowdown fails on throughput and latency', () => {
  const result = compareReports([makeSampleReport({ seed: 1 })], makeSampleReport({ seed: 2, slowdown: 1.15 }), options);
  assert.equal(result.passed, false);
  const regressed = new Set(result.comparisons.filter((c) => c.verdict === 'regression').map((c) => c.id));
  assert.ok(regressed.has('throughput.simple.instructionsPerSecond'));
  assert.ok(regressed.has('latency.simple.median'));
  const t = result.comparisons.find((c) => c.id === 'throughput.simple.instructionsPerSecond')!;
  assert.ok(t.change < -0.1 && t.change > -0.16, `change ${t.change}`);
  assert.ok(t.ci[1] < 0);
});

test('a 3% slowdown is under the 5% threshold: pass; with a 2% threshold it fails', () => {
  const base = makeSampleReport({ seed: 1, runs: 60 });
  const slower = makeSampleReport({ seed: 2, runs: 60, slowdown: 1.03 });
  assert.equal(compareReports([base], slower, options).passed, true);
  const strict = compareReports([base], slower, { ...options, threshold: 0.01, metrics: ['latency.simple.median'] });
  assert.equal(strict.passed, false);
});

test('a drop in constraint satisfaction fails however small the threshold is', () => {
  const result = compareReports([makeSampleReport({ seed: 1 })], makeSampleReport({ seed: 1, satisfaction: 0.9 }), { ...options, threshold: 0.5 });
  assert.equal(result.passed, false);
  const c = result.comparisons.find((x) => x.id === 'quality.simple.constraintSatisfactionRate')!;
  assert.equal(c.verdict, 'regression');
});

test('an improvement passes and is reported as one', () => {
  const result = compareReports([makeSampleReport({ seed: 1, slowdown: 1.2 })], makeSampleReport({ seed: 2 }), options);
  assert.equal(result.passed, true);
  assert.equal(result.comparisons.find((c) => c.id === 'throughput.simple.instructionsPerSecond')!.verdict, 'improvement');
});

test('a baseline folder pools samples; per-metric thresholds and metric filters apply', () => {
  const pooled = compareReports([makeSampleReport({ seed: 1 }), makeSampleReport({ seed: 3 })], makeSampleReport({ seed: 2, slowdown: 1.15 }), { ...options, metrics: ['throughput.'], thresholds: { 'throughput.simple': 0.5 } });
  assert.ok(pooled.comparisons.every((c) => c.id.startsWith('throughput.')));
  assert.equal(pooled.comparisons.find((c) => c.id === 'throughput.simple.instructionsPerSecond')!.verdict, 'no-change', 'its 50% threshold hides a 15% change');
  assert.equal(pooled.comparisons.find((c) => c.id === 'throughput.medium.instructionsPerSecond')!.verdict, 'regression');
});

test('incompatible reports are refused with a clear message', () => {
  const a = makeSampleReport();
  const b = makeSampleReport();
  b.config.backend = 'cpu';
  assert.throws(() => compareReports([a], b, options), (e: Error) => e instanceof ReportError && e.code === 'REPORT_INCOMPATIBLE' && /backend wasm, current cpu/.test(e.message));
  const c = makeSampleReport({ slowdown: 1.2, seed: 5 });
  c.config.model.iterations = 3;
  const changed = compareReports([a], c, options);
  assert.equal(changed.passed, false, 'a slower, larger model is a regression, not an incompatibility');
  assert.ok(changed.warnings.some((w) => /iterations 2 → 3/.test(w)));
  const d = makeSampleReport();
  d.suites.throughput!.categories.simple.instructions = 99;
  assert.throws(() => compareReports([a], d, options), /different instruction sets/);
  assert.throws(() => compareReports([a], a, { ...options, metrics: ['nothing'] }), /no metric matches/);
});
