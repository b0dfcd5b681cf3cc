import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { renderReports } from '../../src/report/render.js';
import { makeSampleReport } from '../helpers/sample-report.js';

function pngSize(png: Buffer): { width: number; height: number } {
  assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Number of distinct colours in a coarse sample of the image: a blank chart has one. */
async function colourCount(png: Buffer): Promise<number> {
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, img.width, img.height).data;
  const seen = new Set<number>();
  for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  return seen.size;
}

test('every chart of a full report is a 2400×1200 PNG with real content; md and html are written', async () => {
  const out = await mkdtemp(join(tmpdir(), 'gasm-render-'));
  const { files } = await renderReports([{ path: 'full.json', report: makeSampleReport() }], { outDir: out, formats: ['png', 'md', 'html'] });
  const pngs = files.filter((f) => f.endsWith('.png')).map((f) => f.split('/').pop());
  for (const name of ['throughput.png', 'latency.png', 'stages.png', 'scalability-batch.png', 'scalability-objects.png', 'memory-simple.png', 'parallel.png', 'system.png']) {
    assert.ok(pngs.includes(name), `${name} written`);
  }
  for (const f of files.filter((x) => x.endsWith('.png'))) {
    const png = await readFile(f);
    assert.deepEqual(pngSize(png), { width: 2400, height: 1200 }, f);
    assert.ok((await colourCount(png)) > 5, `${f} is not blank`);
  }
  const md = await readFile(join(out, 'summary.md'), 'utf8');
  for (const text of ['## Throughput', 'simple', 'stress', '## Scalability', '## Memory', '## Parallel', '![Throughput per category](throughput.png)']) assert.ok(md.includes(text), text);
  const html = await readFile(join(out, 'report.html'), 'utf8');
  assert.match(html, /<img alt="Throughput per category" src="data:image\/png;base64,/);
  assert.doesNotMatch(html, /src="https?:/);
});

test('charts of suites a report does not hold are skipped; two reports add a comparison chart', async () => {
  const partial = makeSampleReport();
  delete partial.suites.scalability;
  delete partial.suites.memory;
  delete partial.suites.parallel;
  const out = await mkdtemp(join(tmpdir(), 'gasm-render-'));
  await renderReports([{ path: 'a.json', report: partial }, { path: 'b.json', report: makeSampleReport({ seed: 2 }) }], { outDir: out, formats: ['png'] });
  const names = await readdir(out);
  assert.ok(!names.includes('1-parallel.png') && !names.includes('1-scalability-batch.png'));
  assert.ok(names.includes('2-parallel.png'));
  assert.ok(names.includes('comparison-throughput.png'));
});

test('with GITHUB_STEP_SUMMARY set, summary.md is appended to it', async () => {
  const out = await mkdtemp(join(tmpdir(), 'gasm-render-'));
  const summary = join(out, 'step-summary.md');
  await writeFile(summary, 'earlier step\n');
  process.env.GITHUB_STEP_SUMMARY = summary;
  try {
    await renderReports([{ path: 'r.json', report: makeSampleReport() }], { outDir: out, formats: ['md'] });
  } finally {
    delete process.env.GITHUB_STEP_SUMMARY;
  }
  const text = await readFile(summary, 'utf8');
  assert.ok(text.startsWith('earlier step\n'));
  assert.match(text, /# gasm report: r\.json/);
});
