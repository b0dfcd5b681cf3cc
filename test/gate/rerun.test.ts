import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { readCategory } from '../../src/bench/instruction-files.js';
import { runBenchmark } from '../../src/bench/run-bench.js';
import { ConfigError } from '../../src/errors.js';
import { gateWithConfirmation } from '../../src/gate/confirm.js';
import { benchOptionsOf, plannedSuites, rerunFromReport } from '../../src/gate/rerun.js';
import { validateReport } from '../../src/report/validate.js';
import { findSuite } from '../../src/suites/registry.js';
import { makeSampleReport } from '../helpers/sample-report.js';

const throughput = findSuite('throughput')!;

/** A small real report: the simple category, 3 runs, batch size 4, a model of 1 iteration. */
async function smallReport() {
  return runBenchmark({
    suites: [{ suite: throughput, options: throughput.parseOptions({ batchSize: '4', singleStream: false }) }],
    label: 'throughput',
    bridge: { model: { iterations: 1 } },
    sets: [{ name: 'simple', instructions: await readCategory('simple') }],
    suiteFile: null,
    policy: { warmup: 1, warmupTimeMs: 0, runs: 3, minRuns: 1, minTimeMs: 0 },
    sampleIntervalMs: 250,
    sampler: false,
  });
}

test('the rerun rebuilds the recorded configuration: suites, options, model, backend, policy', () => {
  const report = makeSampleReport();
  report.config.suite = 'throughput';
  report.config.suites = { throughput: { batchSize: 16, singleStream: false } };
  report.config.model = { ...report.config.model, iterations: 3, hiddenDim: 48 };
  return benchOptionsOf(report).then((o) => {
    // A report from before the reference workload and forks existed reruns without them, as it was measured.
    assert.deepEqual(o.suites.map((p) => [p.suite.name, p.options]), [['throughput', { batchSize: 16, singleStream: false, reference: false, forks: 1 }]]);
    assert.equal(o.label, 'throughput');
    assert.deepEqual(o.bridge.model, { featureDim: 32, hiddenDim: 48, heads: 4, iterations: 3, seed: 42 });
    assert.equal(o.bridge.backend, 'wasm');
    assert.equal(o.policy.runs, report.config.runs);
    assert.deepEqual(o.sets.map((s) => s.name), report.config.categories);
  }).then(() => {
    report.config.suites = { throughput: { batchSize: 16, singleStream: false, reference: true, forks: 3 } };
    report.config.warmupMaxMs = 2500;
    return benchOptionsOf(report);
  }).then((o) => {
    assert.deepEqual(o.suites.map((p) => p.options), [{ batchSize: 16, singleStream: false, reference: true, forks: 3 }]);
    assert.equal(o.policy.steadyWarmup?.maxMs, 2500);
    // Recorded pipeline settings are used again.
    report.config.pipeline = { preset: null, attention: 'folded', weights: 'int8', packing: false, cache: 'off', modelSha256: null };
    return benchOptionsOf(report);
  }).then((o) => {
    assert.equal(o.bridge.attention, 'folded');
    assert.equal(o.bridge.weights, 'int8');
    assert.equal(o.bridge.packing, false);
  });
});

test('every suite\'s non-default options rebuild from what the report records (keys that are not the flags\' own included)', () => {
  const given: [string, Record<string, unknown>][] = [
    ['scalability', { scalabilityCategory: 'simple', batchSizes: '1,5', objects: '2,8' }],
    ['memory', { memoryInstructions: '50', memoryRepetitions: '2', batchSize: '8' }],
    ['parallel', { workers: '2', scalabilityCategory: 'complex', parallelRepetitions: '3', batchSize: '8' }],
    ['compare', { variant: ['a:', 'b:attention=folded,batch=8,packing=off'], rounds: '5', roundTime: '50', compareSeed: '9', repeatRatio: '0.5' }],
  ];
  for (const [name, flags] of given) {
    const suite = findSuite(name)!;
    const options = suite.parseOptions(flags);
    const report = makeSampleReport();
    report.config.suites = { [name]: JSON.parse(JSON.stringify(suite.configOf(options))) };
    const [planned] = plannedSuites(report);
    assert.deepEqual(suite.configOf(planned.options), suite.configOf(options), name);
  }
});

test('a suite whose recorded options do not rebuild is refused by name, never rerun with other options', () => {
  const report = makeSampleReport();
  report.config.suites = { throughput: { batchSize: 0, singleStream: true } };
  assert.throws(() => plannedSuites(report), (e: unknown) => e instanceof ConfigError && /--batch-size/.test(e.message));
  report.config.suites = { nosuch: {} };
  assert.throws(() => plannedSuites(report), (e: unknown) => e instanceof ConfigError && /suite 'nosuch' is not a suite of this gasm/.test(e.message));
});

test('untrusted run settings are checked by the bench command\'s own bounds before anything runs', async () => {
  const cases: [(r: ReturnType<typeof makeSampleReport>) => void, RegExp][] = [
    [(r) => (r.config.runs = 1e9), /config\.runs must be .*1000000/],
    [(r) => (r.config.minTimeMs = -5), /config\.minTimeMs must be/],
    [(r) => (r.config.warmup = -1), /config\.warmup must be/],
    [(r) => (r.config.backend = 'gpu'), /config\.backend must be one of/],
    [(r) => (r.config.categories = ['simple', '../etc']), /config\.categories must be one of/],
    [(r) => (r.config.suiteFile = '/etc/shadow'), /config\.suiteFile "\/etc\/shadow" is outside the current folder/],
    [(r) => (r.config.suiteFile = '../../x.txt'), /is outside the current folder/],
    [(r) => (r.config.pipeline = { preset: null, attention: 'fused', weights: 'float32', packing: true, cache: 'memory', modelSha256: null }), /used a result cache \(memory\)/],
    [(r) => (r.config.pipeline = { preset: null, attention: 'fused', weights: 'float32', packing: true, cache: 'off', modelSha256: 'ab'.repeat(32) }), /used a saved model/],
    [(r) => (r.config.pipeline = { preset: null, attention: 'sparse', weights: 'float32', packing: true, cache: 'off', modelSha256: null }), /pipeline\.attention must be one of/],
  ];
  for (const [spoil, message] of cases) {
    const report = makeSampleReport();
    report.config.suites = { throughput: { batchSize: 16, singleStream: false } };
    spoil(report);
    await assert.rejects(benchOptionsOf(report), (e: unknown) => e instanceof ConfigError && message.test(e.message), String(message));
  }
  // A run of the user's own file inside the current folder reruns (its set is recorded as 'custom'); a link inside
  // the folder to a file outside it is followed and refused.
  const dir = await mkdtemp(join(process.cwd(), '.rerun-test-'));
  try {
    await writeFile(join(dir, 'mine.txt'), 'place the box above the table\n');
    await symlink('/etc/hostname', join(dir, 'evil.txt'));
    const own = makeSampleReport();
    own.config.suites = { throughput: { batchSize: 16, singleStream: false } };
    own.config.categories = ['custom'];
    own.config.suiteFile = relative(process.cwd(), join(dir, 'mine.txt'));
    assert.deepEqual((await benchOptionsOf(own)).sets.map((x) => [x.name, x.instructions.length]), [['custom', 1]]);
    own.config.suiteFile = relative(process.cwd(), join(dir, 'evil.txt'));
    await assert.rejects(benchOptionsOf(own), /is outside the current folder \(links followed\)/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a real rerun of a small throughput report measures the same configuration again', async () => {
  const report = await smallReport();
  const again = await rerunFromReport(report);
  validateReport(JSON.parse(JSON.stringify(again)), 'the rerun');
  assert.deepEqual(again.config.suites, report.config.suites);
  assert.deepEqual(again.config.model, report.config.model);
  assert.equal(again.config.runs, 3);
  assert.equal(again.suites.throughput!.categories.simple.runs, 3);
  assert.ok(again.suites.throughput!.categories.simple.samples.cpuMs.every((x) => x >= 0));
  assert.ok(again.suites.throughput!.categories.simple.noise, 'the rerun records its noise figure');
  assert.equal(again.suites.throughput!.categories.simple.instructions, report.suites.throughput!.categories.simple.instructions);
  // Through the gate: against a baseline 20 times as fast (far beyond any run-to-run difference), the report regresses and the real rerun regresses again.
  const fast = structuredClone(report);
  const c = fast.suites.throughput!.categories.simple;
  c.samples.runMs = c.samples.runMs.map((ms) => ms / 20);
  c.samples.cpuMs = c.samples.cpuMs.map((ms) => ms / 20);
  c.samples.instructionsPerSecond = c.samples.instructionsPerSecond.map((x) => x * 20);
  const gate = await gateWithConfirmation([fast], report, { threshold: 0.1, confidence: 0.95, metrics: ['throughput.simple.instructionsPerSecond'] }, rerunFromReport);
  assert.deepEqual(gate.attempts.map((a) => [a.source, a.verdict]), [['report', 'regression'], ['rerun', 'regression']]);
  assert.match(gate.result.comparisons[0].reason, /confirmed: attempt 1 regression/);
});
