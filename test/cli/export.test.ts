import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportBencher, exportGithubBenchmark } from '../../src/report/export.js';
import { makeSampleReport } from '../helpers/sample-report.js';
import { runCli } from '../helpers/run-cli.js';

test('gasm export prints each format as JSON, or writes it with --out', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-export-cli-'));
  const report = makeSampleReport();
  const path = join(dir, 'run.json');
  await writeFile(path, JSON.stringify(report));
  const bigger = await runCli(['export', path, '--format', 'github-bigger']);
  assert.equal(bigger.code, 0, bigger.stderr);
  assert.deepEqual(JSON.parse(bigger.stdout), JSON.parse(JSON.stringify(exportGithubBenchmark(report, 'bigger'))));
  const smaller = await runCli(['export', path, '--format', 'github-smaller']);
  assert.deepEqual(JSON.parse(smaller.stdout), JSON.parse(JSON.stringify(exportGithubBenchmark(report, 'smaller'))));
  const out = join(dir, 'bmf.json');
  const bencher = await runCli(['export', path, '--format', 'bencher', '--out', out]);
  assert.equal(bencher.code, 0, bencher.stderr);
  assert.equal(bencher.stdout, `${out}\n`);
  assert.deepEqual(JSON.parse(await readFile(out, 'utf8')), JSON.parse(JSON.stringify(exportBencher(report))));
});

test('gasm export exits 2 on an unknown format or a missing report', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-export-cli-'));
  const path = join(dir, 'run.json');
  await writeFile(path, JSON.stringify(makeSampleReport()));
  const format = await runCli(['export', path, '--format', 'csv']);
  assert.equal(format.code, 2);
  assert.match(format.stderr, /--format must be one of github-bigger, github-smaller, bencher, got 'csv'/);
  const missing = await runCli(['export', join(dir, 'none.json'), '--format', 'bencher']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /none\.json/);
});
