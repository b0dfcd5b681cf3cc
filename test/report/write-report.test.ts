import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReport } from '../../src/report/load.js';
import { writeReport } from '../../src/report/write-report.js';
import { makeSampleReport } from '../helpers/sample-report.js';

test('a report the loader would refuse (a NaN figure) is never written', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-write-'));
  const report = makeSampleReport();
  report.suites.throughput!.categories.simple.throughputSummary.median = NaN;
  await assert.rejects(writeReport(report, dir), { code: 'REPORT_INVALID' });
  assert.deepEqual(await readdir(dir), []);
});

test('two reports of the same time get two files; latest.json and latest-<suite>.json are refreshed', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-write-'));
  const report = makeSampleReport();
  const [a, b] = await Promise.all([writeReport(report, dir), writeReport(report, dir)]);
  assert.notEqual(a.path, b.path);
  assert.deepEqual(a.warnings, []);
  const names = await readdir(dir);
  for (const suite of Object.keys(report.suites)) assert.ok(names.includes(`latest-${suite}.json`), suite);
  assert.ok(names.includes('latest.json'));
  assert.equal((await loadReport(a.path)).createdAt, report.createdAt, 'what was written loads back');
  assert.equal(a.files[0], a.path);
});

test('a latest file that cannot be refreshed is a warning; the report is written and named', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gasm-write-'));
  await mkdir(join(dir, 'latest.json')); // rename over a folder fails
  const written = await writeReport(makeSampleReport(), dir);
  assert.equal(written.warnings.length, 1);
  assert.match(written.warnings[0], /cannot write .*latest\.json: .* \(the report is .*\.json\)/);
  assert.ok(JSON.parse(await readFile(written.path, 'utf8')).suites);
  assert.ok(written.files.some((f) => f.endsWith('latest-throughput.json')));
});
