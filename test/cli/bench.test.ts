import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateReport } from '../../src/report/validate.js';
import type { BenchReport } from '../../src/report/types.js';
import { median } from '../../src/stats/quantile.js';
import { EXPECTED_AUTO_BACKEND } from '../helpers/expected-backend.js';
import { runCli } from '../helpers/run-cli.js';

async function bench(args: string[], expectCode = 0): Promise<{ report: BenchReport; path: string; stdout: string; stderr: string }> {
  const out = await mkdtemp(join(tmpdir(), 'gasm-bench-'));
  const r = await runCli(['bench', ...args, '--out', out, '--warmup', '1', '--warmup-time', '0', '--sample-interval', '50']);
  assert.equal(r.code, expectCode, r.stderr);
  const path = r.stdout.trim().split('\n').pop()!.replace(/^report: /, '');
  const report = validateReport(JSON.parse(await readFile(path, 'utf8')), path);
  const files = await readdir(out);
  assert.ok(files.includes('latest.json'));
  assert.deepEqual(JSON.parse(await readFile(join(out, 'latest.json'), 'utf8')), report);
  return { report, path, stdout: r.stdout, stderr: r.stderr };
}

test('throughput: schema-valid report whose figures agree with its samples, with single-stream latency and CPU time', async () => {
  const { report, stdout, stderr } = await bench(['throughput', '--category', 'simple,medium', '--runs', '4', '--batch-size', '16']);
  assert.equal(report.complete, true);
  assert.deepEqual(report.outcomes.throughput.status, 'ok');
  assert.deepEqual(report.config.pipeline, { preset: null, attention: 'fused', weights: 'float32', packing: true, cache: 'off', modelSha256: null }, 'the pipeline settings are recorded');
  assert.match(stdout, /Throughput/);
  assert.match(stdout, /Single-stream latency/);
  assert.doesNotMatch(stdout, /\x1b\[/, 'no escape codes when stdout is not a terminal');
  assert.match(stderr, /^gasm bench: throughput › simple: .* instr\/s.*\(4 runs, /m, 'one plain line per finished case in CI');
  const simple = report.suites.throughput!.categories.simple;
  assert.equal(simple.runs, 4);
  assert.equal(simple.batchSize, 16);
  assert.equal(report.config.suites.throughput.batchSize, 16);
  assert.equal(simple.samples.runMs.length, 4);
  assert.equal(simple.samples.cpuMs.length, 4);
  simple.samples.runMs.forEach((ms, i) => assert.ok(Math.abs(simple.samples.instructionsPerSecond[i] - (simple.instructions / ms) * 1000) < 1e-6));
  assert.ok(Math.abs(simple.instructionsPerSecond - median(simple.samples.instructionsPerSecond)) < 1e-6);
  assert.equal(simple.samples.batchMs.length, 4);
  assert.equal(simple.instructions % 16, 0, 'whole batches only');
  assert.equal(simple.samples.batchMs[0].length, simple.instructions / 16);
  const ss = simple.singleStream!;
  assert.equal(ss.runs, 4);
  assert.equal(ss.samples.callMs.length, 4);
  assert.equal(ss.samples.callMs[0].length, ss.calls);
  assert.ok(ss.latencyMs.ci95Median[0] <= ss.latencyMs.median && ss.latencyMs.median <= ss.latencyMs.ci95Median[1], 'the median lies in its interval');
  assert.ok(ss.latencyMs.p50 <= ss.latencyMs.p90 && ss.latencyMs.p90 <= ss.latencyMs.p99);
  assert.equal(simple.quality.successRate, 1);
  assert.equal(simple.quality.constraintSatisfactionRate, 1);
  assert.equal(report.system.backend, EXPECTED_AUTO_BACKEND);
  assert.ok(report.timeline.samples.length >= 1, 'sampler ran');
  assert.deepEqual(report.timeline.cases.map((c) => c.case), ['simple', 'medium']);
  assert.ok(report.timeline.cases.every((c) => c.endMs !== null && c.endMs >= c.startMs));
});

test('scalability: batch sweep, gain with its interval, and complexity fit', async () => {
  const { report } = await bench(['scalability', '--runs', '2', '--batch-sizes', '1,8', '--objects', '2,4,8']);
  const s = report.suites.scalability!;
  assert.deepEqual(s.batch.map((p) => p.batchSize), [1, 8]);
  for (const p of s.batch) assert.ok(Math.abs(p.instructionsPerSecond - 1000 / p.msPerInstruction) < 1e-6);
  assert.deepEqual(s.objects.map((p) => p.objects), [2, 4, 8]);
  assert.ok(s.complexity && Number.isFinite(s.complexity.exponent) && s.complexity.r2 >= 0 && s.complexity.r2 <= 1);
  assert.equal(s.localExponents.length, 2);
  assert.ok(s.gain && s.gain.ci95[0] <= s.gain.value && s.gain.value <= s.gain.ci95[1]);
});

test('a repeated --objects value is refused before anything runs, exit 2', async () => {
  const out = await mkdtemp(join(tmpdir(), 'gasm-bad-'));
  const r = await runCli(['bench', 'scalability', '--objects', '4,4', '--out', out], { timeoutMs: 30_000 });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /--objects lists 4 twice/);
  assert.deepEqual(await readdir(out), []);
});

test('memory: no leak in the real pipeline', async () => {
  const { report } = await bench(['memory', '--category', 'simple', '--memory-instructions', '1000', '--batch-size', '32']);
  const m = report.suites.memory!.categories.simple;
  assert.equal(m.leakedTensors, 0);
  assert.equal(m.leak, false, m.verdict);
  assert.equal(m.samples.length, 3);
});

test('parallel: speedup from the workers’ own timings, machine capacity beside it', async () => {
  const { report } = await bench(['parallel', '--workers', '2', '--min-time', '40', '--runs', '2', '--batch-size', '16']);
  const p = report.suites.parallel!;
  assert.equal(p.workers, 2);
  assert.equal(p.samples.speedup.length, 2);
  assert.ok(Number.isFinite(p.machine.speedup) && p.machine.speedup > 0);
});

test('a bench where every instruction fails exits 1 and claims no satisfaction', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-fail-'));
  const file = join(dir, 'nonsense.txt');
  await writeFile(file, 'qwerty uiop\nzxcv bnm\n');
  const { report, stdout } = await bench(['throughput', '--suite-file', file, '--runs', '2', '--batch-size', '2', '--no-single-stream'], 1);
  const c = report.suites.throughput!.categories.custom;
  assert.equal(c.quality.successes, 0);
  assert.equal(c.quality.constraintSatisfactionRate, null);
  assert.ok(report.warnings.some((w) => w.code === 'ALL_FAILED'));
  // Two distinct instructions (each counted once, not once per run), both failed.
  assert.equal(c.quality.responses, 2);
  assert.match(stdout, /0\.0% \(0\/2\) *│ -/);
});

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  test(`${signal} writes a partial report marked incomplete and exits ${code}`, async () => {
    const out = await mkdtemp(join(tmpdir(), 'gasm-int-'));
    const r = await runCli(['bench', 'throughput', '--category', 'simple', '--min-time', '600000', '--out', out, '--quiet'], { signalAfterMs: 6000, signal });
    assert.equal(r.code, code, r.stderr);
    const report = validateReport(JSON.parse(await readFile(join(out, 'latest.json'), 'utf8')), 'latest');
    assert.equal(report.complete, false);
    assert.equal(report.outcomes.throughput.status, 'aborted');
    assert.ok((report.suites.throughput?.categories.simple?.runs ?? 0) > 0, 'runs measured before the interrupt are kept');
    assert.ok((await readdir(out)).every((f) => !f.endsWith('.tmp')), 'no temporary file left behind');
  });
}

test('a latest file that cannot be refreshed: the report is written and named, a warning says why, exit 3', async () => {
  const out = await mkdtemp(join(tmpdir(), 'gasm-latest-'));
  await mkdir(join(out, 'latest.json'));
  const r = await runCli(['bench', 'throughput', '--category', 'simple', '--runs', '2', '--batch-size', '4', '--no-single-stream', '--warmup', '1', '--warmup-time', '0', '--out', out, '--quiet']);
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stderr, /warning: cannot write .*latest\.json: it is a folder/);
  const path = r.stdout.trim().split('\n').pop()!.replace(/^report: /, '');
  validateReport(JSON.parse(await readFile(path, 'utf8')), path);
});

test('an --out folder that cannot be written fails before running, exit 2', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-out-'));
  const file = join(dir, 'a-file');
  await writeFile(file, 'not a folder');
  const r = await runCli(['bench', 'throughput', '--out', join(file, 'reports')], { timeoutMs: 30_000 });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /cannot write to output folder .*a-file\/reports/);
});
