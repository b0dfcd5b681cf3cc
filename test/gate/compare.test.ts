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
  for (const c of timing) assert.equal(c.verdict, 'no-change', c.id);
  for (const c of timing) assert.equal(c.change, 0, c.id);
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

test('a 3% slowdown is under the 5% threshold: pass; with a 1% threshold it fails', () => {
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
  // Pipeline settings besides the size: a change said as such; a cached current run is flagged.
  const pipeline = { preset: null, attention: 'fused', weights: 'float32', packing: true, cache: 'off', modelSha256: null };
  a.config.pipeline = { ...pipeline };
  const q = makeSampleReport({ slowdown: 0.4, seed: 7 });
  q.config.pipeline = { ...pipeline, weights: 'int8', attention: 'folded', cache: 'memory' };
  const quantized = compareReports([a], q, options);
  assert.ok(quantized.warnings.some((w) => /the pipeline changed: attention fused → folded, weights float32 → int8, cache off → memory/.test(w)), quantized.warnings.join('; '));
  assert.ok(quantized.warnings.some((w) => /used a result cache \(memory\): its figures measure cache hits/.test(w)));
  // Pooled baselines that all differ the same way: said once.
  const a2 = makeSampleReport({ seed: 11 });
  a2.config.pipeline = { ...pipeline };
  assert.equal(compareReports([a, a2], q, options).warnings.filter((w) => /the pipeline changed/.test(w)).length, 1);
  const same = makeSampleReport();
  same.config.pipeline = { ...pipeline };
  assert.ok(!compareReports([a], same, options).warnings.some((w) => /pipeline changed|result cache/.test(w)));
  delete a.config.pipeline;
  const d = makeSampleReport();
  d.suites.throughput!.categories.simple.instructions = 99;
  assert.throws(() => compareReports([a], d, options), /different instruction sets/);
  assert.throws(() => compareReports([a], a, { ...options, metrics: ['nothing'] }), /--metric names no metric in either report: 'nothing'/);
});

test('fewer than 3 samples on one side is inconclusive, never a failure', () => {
  const base = makeSampleReport({ seed: 1 });
  const cur = makeSampleReport({ seed: 2, slowdown: 2 });
  cur.suites.parallel!.samples.speedup = [0.5, 0.5];
  const result = compareReports([base], cur, { ...options, metrics: ['parallel.speedup'] });
  assert.equal(result.passed, true);
  const c = result.comparisons[0];
  assert.equal(c.verdict, 'inconclusive');
  assert.match(c.reason, /fewer than 3 samples \(5 baseline, 2 current\)/);
});

test('retained memory: changes inside the 128 B/instr floor are noise; a clear larger rise regresses', () => {
  const base = makeSampleReport({ seed: 1 });
  const noisy = makeSampleReport({ seed: 2 });
  noisy.suites.memory!.categories.simple.samples = noisy.suites.memory!.categories.simple.samples.map((x) => x * 5);
  const within = compareReports([base], noisy, { ...options, metrics: ['memory.'] }).comparisons[0];
  assert.equal(within.verdict, 'no-change', 'a 5-fold rise of ~12 B/instr is still under 128 B/instr');
  assert.match(within.reason, /noise floor/);
  const leaky = makeSampleReport({ seed: 2 });
  leaky.suites.memory!.categories.simple.samples = [5000, 5100, 4900, 5050, 4950];
  const leak = compareReports([base], leaky, { ...options, metrics: ['memory.'] });
  assert.equal(leak.passed, false);
  assert.equal(leak.comparisons[0].verdict, 'regression');
  assert.equal(leak.comparisons[0].method, 'bootstrap-median');
});

test('metrics missing on one side are skipped with a reason', () => {
  const base = makeSampleReport({ seed: 1 });
  const cur = makeSampleReport({ seed: 2 });
  delete cur.suites.parallel;
  delete base.suites.memory;
  const result = compareReports([base], cur, options);
  assert.equal(result.passed, true);
  assert.deepEqual(
    result.skipped.map((s) => `${s.id}: ${s.reason}`).sort(),
    ['memory.simple.leakedTensors: not in the baseline', 'memory.simple.retainedBytesPerInstruction: not in the baseline', 'parallel.machine.speedup: not in the current report', 'parallel.speedup: not in the current report'],
  );
  assert.ok(!result.comparisons.some((c) => c.id === 'parallel.speedup' || c.id.startsWith('memory.')));
  const none = makeSampleReport();
  none.suites = { parallel: none.suites.parallel };
  assert.throws(() => compareReports([base], none, { ...options, metrics: ['throughput.'] }), (e: Error) => e instanceof ReportError && e.code === 'REPORT_INCOMPATIBLE');
});

test('p99 latency uses its own default threshold unless the user sets one', () => {
  const base = makeSampleReport({ seed: 1 });
  const slower = makeSampleReport({ seed: 2, slowdown: 1.3 });
  const p99 = (o: GateOptions) => compareReports([base], slower, { ...o, metrics: ['latency.simple.p99'] }).comparisons[0];
  const byDefault = p99(options);
  assert.equal(byDefault.threshold, 0.5);
  assert.equal(byDefault.verdict, 'no-change');
  // The p99 of all calls (the report's figure), resampled by pass (passes are the independent unit).
  assert.equal(byDefault.method, 'bootstrap-p99');
  const strict = p99({ ...options, thresholds: { latency: 0.1 } });
  assert.equal(strict.threshold, 0.1);
  assert.equal(strict.verdict, 'regression');
  assert.equal(p99({ ...options, thresholds: { 'latency.*.p99': 0.2 } }).threshold, 0.2);
});

test('the same inputs and seed give the same intervals', () => {
  const a = compareReports([makeSampleReport({ seed: 1 })], makeSampleReport({ seed: 2 }), { ...options, seed: 7 });
  const b = compareReports([makeSampleReport({ seed: 1 })], makeSampleReport({ seed: 2 }), { ...options, seed: 7 });
  assert.deepEqual(a, b);
});

test('exact rates (distinct instructions, outcomes that never varied): one instruction that now fails is a regression', () => {
  const withQuality = (successes: number, seed: number) => {
    const r = makeSampleReport({ seed });
    const c = r.suites.throughput!.categories.simple;
    Object.assign(c.quality, { responses: 24, successes, constraints: 27, satisfiedConstraints: 27 });
    c.qualityVaried = 0;
    return r;
  };
  const opts = { ...options, metrics: ['quality.simple.successRate'] };
  const drop = compareReports([withQuality(24, 1)], withQuality(23, 2), opts).comparisons[0];
  assert.equal(drop.verdict, 'regression', drop.reason);
  assert.match(drop.reason, /^regressed: the rate dropped by 4\.17 pp \(23 of 24 against 24 of 24; outcomes are deterministic/);
  assert.equal(compareReports([withQuality(24, 1)], withQuality(24, 2), opts).comparisons[0].verdict, 'no-change');
  assert.equal(compareReports([withQuality(23, 1)], withQuality(24, 2), opts).comparisons[0].verdict, 'improvement');
  // Pooled baselines stay exact; a report whose outcomes varied between runs is compared as a sample.
  assert.equal(compareReports([withQuality(24, 1), withQuality(24, 3)], withQuality(23, 2), opts).comparisons[0].verdict, 'regression');
  const varied = withQuality(23, 2);
  varied.suites.throughput!.categories.simple.qualityVaried = 1;
  assert.equal(compareReports([withQuality(24, 1)], varied, opts).comparisons[0].verdict, 'no-change', 'one of 24 is within a sampled rate’s interval');
});
