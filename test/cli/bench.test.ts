import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateReport } from '../../src/report/validate.js';
import type { BenchReport } from '../../src/report/types.js';
import { median } from '../../src/stats/quantile.js';
import { runCli } from '../helpers/run-cli.js';

async function bench(args: string[]): Promise<{ report: BenchReport; path: string; stdout: string }> {
  const out = await mkdtemp(join(tmpdir(), 'gasm-bench-'));
  const r = await runCli(['bench', ...args, '--out', out, '--warmup', '1', '--sample-interval', '50']);
  assert.equal(r.code, 0, r.stderr);
  const path = r.stdout.trim().split('\n').pop()!.replace(/^report: /, '');
  const report = validateReport(JSON.parse(await readFile(path, 'utf8')), path);
  const files = await readdir(out);
  assert.ok(files.includes('latest.json'));
  assert.deepEqual(JSON.parse(await readFile(join(out, 'latest.json'), 'utf8')), report);
  return { report, path, stdout: r.stdout };
}

test('throughput: schema-valid report whose figures agree with its samples', async () => {
  const { report, stdout } = await bench(['throughput', '--category', 'simple,medium', '--runs', '4', '--batch-size', '16']);
  assert.equal(report.complete, true);
  assert.match(stdout, /Throughput/);
  const simple = report.suites.throughput!.categories.simple;
  assert.equal(simple.runs, 4);
  assert.equal(simple.samples.runMs.length, 4);
  simple.samples.runMs.forEach((ms, i) => assert.ok(Math.abs(simple.samples.instructionsPerSecond[i] - (simple.instructions / ms) * 1000) < 1e-6));
  assert.ok(Math.abs(simple.instructionsPerSecond - median(simple.samples.instructionsPerSecond)) < 1e-6);
  assert.equal(simple.samples.latencyMs.length, simple.instructions * 4);
  assert.equal(simple.quality.successRate, 1);
  assert.equal(simple.quality.constraintSatisfactionRate, 1);
  const stageSum = Object.values(simple.stagesMs).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(stageSum - simple.latencyMs.mean) < 1e-6 * Math.max(1, stageSum), 'stages add up to the mean latency');
  assert.equal(report.system.backend, 'wasm');
  assert.ok(report.timeline.samples.length >= 1, 'sampler ran');
});

test('scalability: batch sweep and complexity fit', async () => {
  const { report } = await bench(['scalability', '--runs', '2', '--batch-sizes', '1,8', '--objects', '2,4,8']);
  const s = report.suites.scalability!;
  assert.deepEqual(s.batch.map((p) => p.batchSize), [1, 8]);
  for (const p of s.batch) assert.ok(Math.abs(p.instructionsPerSecond - 1000 / p.msPerInstruction) < 1e-6);
  assert.deepEqual(s.objects.map((p) => p.objects), [2, 4, 8]);
  assert.ok(Number.isFinite(s.complexity.exponent) && s.complexity.r2 >= 0 && s.complexity.r2 <= 1);
});

test('memory: no leak in the real pipeline', async () => {
  const { report } = await bench(['memory', '--category', 'simple', '--memory-instructions', '1000', '--batch-size', '32']);
  const m = report.suites.memory!.categories.simple;
  assert.equal(m.leakedTensors, 0);
  assert.equal(m.leak, false, m.verdict);
  assert.equal(m.samples.length, 3);
});

test('parallel: speedup = sequential / parallel time', async () => {
  const { report } = await bench(['parallel', '--workers', '2', '--parallel-instructions', '64', '--runs', '2', '--batch-size', '16']);
  const p = report.suites.parallel!;
  assert.equal(p.workers, 2);
  assert.ok(Math.abs(p.speedup - p.sequentialMs / p.parallelMs) < 1e-9);
});

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  test(`${signal} writes a partial report marked incomplete and exits ${code}`, async () => {
    const out = await mkdtemp(join(tmpdir(), 'gasm-int-'));
    const r = await runCli(['bench', 'throughput', '--category', 'simple', '--min-time', '600000', '--out', out, '--quiet'], { signalAfterMs: 6000, signal });
    assert.equal(r.code, code, r.stderr);
    const report = validateReport(JSON.parse(await readFile(join(out, 'latest.json'), 'utf8')), 'latest');
    assert.equal(report.complete, false);
    assert.ok((report.suites.throughput?.categories.simple?.runs ?? 0) > 0, 'runs measured before the interrupt are kept');
    assert.ok((await readdir(out)).every((f) => !f.endsWith('.tmp')), 'no temporary file left behind');
  });
}

test('an --out folder that cannot be written fails before running, exit 2', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-out-'));
  const file = join(dir, 'a-file');
  await writeFile(file, 'not a folder');
  const r = await runCli(['bench', 'throughput', '--out', join(file, 'reports')], { timeoutMs: 30_000 });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /cannot write to output folder .*a-file\/reports: ENOTDIR/);
});
