import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { IoError } from '../../src/errors.js';
import { renderReports } from '../../src/report/render.js';
import { makeSampleReport } from '../helpers/sample-report.js';
import { assertRealChart } from './charts/png-checks.js';

const outDir = () => mkdtemp(join(tmpdir(), 'gasm-render-'));

test('a full report gives every chart, summary.md (last) and report.html', async () => {
  const out = await outDir();
  const { files, warnings } = await renderReports([{ path: 'full.json', report: makeSampleReport() }], { outDir: out, formats: ['png', 'md', 'html'] });
  assert.deepEqual(warnings, []);
  assert.deepEqual(files.map((f) => basename(f)), ['throughput.png', 'latency.png', 'stages.png', 'scalability-batch.png', 'scalability-objects.png', 'memory-simple.png', 'parallel.png', 'system.png', 'report.html', 'summary.md']);
  for (const f of files.filter((x) => x.endsWith('.png'))) await assertRealChart(await readFile(f), f);
  const md = await readFile(join(out, 'summary.md'), 'utf8');
  for (const name of ['simple', 'medium', 'complex', 'stress']) assert.match(md, new RegExp(`^\\| ${name} \\|`, 'm'));
  for (const f of files.filter((x) => x.endsWith('.png'))) assert.ok(md.includes(`](${basename(f)})`), `summary.md links ${basename(f)}`);
  const html = await readFile(join(out, 'report.html'), 'utf8');
  assert.equal(html.match(/src="data:image\/png;base64,/g)?.length, 8);
  assert.doesNotMatch(html, /src="https?:/);
  assert.deepEqual((await readdir(out)).filter((n) => n.startsWith('.')), [], 'no temporary files left');
});

test('absent suites are skipped; two reports add a comparison chart; a missing timeline is a warning', async () => {
  const partial = makeSampleReport();
  delete partial.suites.scalability;
  delete partial.suites.memory;
  delete partial.suites.parallel;
  partial.timeline = { ...partial.timeline, samples: [] };
  const out = await outDir();
  const { warnings } = await renderReports([{ path: 'a.json', report: partial }, { path: 'b.json', report: makeSampleReport({ seed: 2 }) }], { outDir: out, formats: ['png'] });
  const names = (await readdir(out)).sort();
  assert.deepEqual(names.filter((n) => n.startsWith('1-')), ['1-latency.png', '1-stages.png', '1-throughput.png']);
  assert.ok(names.includes('2-parallel.png') && names.includes('2-system.png'));
  assert.ok(names.includes('comparison-throughput.png'));
  assert.ok(!names.includes('summary.md') && !names.includes('report.html'));
  assert.deepEqual(warnings, ['a.json: system timeline chart skipped: the report has no sampler samples']);
});

test('Markdown alone links no images; HTML alone still embeds the charts', async () => {
  const out = await outDir();
  const { files } = await renderReports([{ path: 'r.json', report: makeSampleReport() }], { outDir: out, formats: ['md', 'html'] });
  assert.deepEqual(files.map((f) => basename(f)), ['report.html', 'summary.md']);
  assert.doesNotMatch(await readFile(join(out, 'summary.md'), 'utf8'), /!\[/);
  assert.match(await readFile(join(out, 'report.html'), 'utf8'), /data:image\/png;base64,/);
});

test('with GITHUB_STEP_SUMMARY set, the tables are appended there once, with no images: the PNGs are named with their folder', async () => {
  const out = await outDir();
  const summary = join(out, 'step-summary.md');
  await writeFile(summary, 'earlier step\n');
  process.env.GITHUB_STEP_SUMMARY = summary;
  try {
    await renderReports([{ path: 'r.json', report: makeSampleReport() }], { outDir: out, formats: ['md'] });
    await renderReports([{ path: 's.json', report: makeSampleReport() }], { outDir: out, formats: ['png'] });
  } finally {
    delete process.env.GITHUB_STEP_SUMMARY;
  }
  const text = await readFile(summary, 'utf8');
  const md = await readFile(join(out, 'summary.md'), 'utf8');
  assert.equal(text, `earlier step\n${md}\n`, 'appended once, only when Markdown is written (no PNGs: nothing to list)');

  const withPng = await outDir();
  const summary2 = join(withPng, 'step-summary.md');
  process.env.GITHUB_STEP_SUMMARY = summary2;
  try {
    await renderReports([{ path: 'r.json', report: makeSampleReport() }], { outDir: withPng, formats: ['png', 'md'] });
  } finally {
    delete process.env.GITHUB_STEP_SUMMARY;
  }
  const job = await readFile(summary2, 'utf8');
  assert.doesNotMatch(job, /!\[/, 'no image links in the job summary');
  assert.match(job, /\| category \|/, 'the tables are there');
  assert.ok(job.includes(withPng) && job.includes('`throughput.png`'), 'names the PNG files and their folder');
  assert.match(await readFile(join(withPng, 'summary.md'), 'utf8'), /!\[.*\]\(throughput\.png\)/, 'summary.md beside the PNGs still embeds them');
});

test('an incomplete run is a warning; an unwritable output folder is an IoError naming it', async () => {
  const r = makeSampleReport();
  r.complete = false;
  const { warnings } = await renderReports([{ path: 'cut.json', report: r }], { outDir: await outDir(), formats: ['md'] });
  assert.deepEqual(warnings, ['cut.json: incomplete (interrupted) run; figures cover what was measured']);
  const file = join(await outDir(), 'a-file');
  await writeFile(file, 'x');
  await assert.rejects(renderReports([{ path: 'r.json', report: r }], { outDir: join(file, 'sub'), formats: ['md'] }), (e: unknown) => e instanceof IoError && e.message.includes(join(file, 'sub')));
});
