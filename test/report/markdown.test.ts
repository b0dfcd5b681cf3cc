import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ms, whole, withInterval } from '../../src/format/numbers.js';
import { markdownTable, reportMarkdown } from '../../src/report/markdown.js';
import { makeSampleReport } from '../helpers/sample-report.js';

test('summary has the run header and every category with its figures', () => {
  const r = makeSampleReport();
  r.warnings = [{ code: 'NOISY', message: 'CV above 10% in simple' }];
  const md = reportMarkdown(r, 'run.json', [{ name: 'throughput.png', title: 'Throughput per category' }]);
  assert.match(md, /^# gasm report: run\.json$/m);
  for (const text of ['gasm-bench-fixture 0.1.0', '2026-11-24T12:00:00.000Z', '`0123456789ab`', 'Synthetic CPU, 2 cores', 'backend **wasm**']) assert.ok(md.includes(text), text);
  for (const [name, c] of Object.entries(r.suites.throughput!.categories)) {
    // Every median beside its own interval, in the report's own figures.
    assert.ok(md.includes(`| ${name} | ${withInterval(c.instructionsPerSecond, c.throughputSummary.ci95Median, whole)} | `), `${name} throughput row`);
    const l = c.singleStream!.latencyMs;
    assert.ok(md.includes(`| ${name} | ${withInterval(l.median, l.ci95Median, ms)} | ${withInterval(l.p90, c.singleStream!.ci95P90, ms)} | ${withInterval(l.p99, c.singleStream!.ci95P99, ms)} |`), `${name} latency row`);
    const p = (x: number) => Number(x.toPrecision(3)).toString();
    assert.ok(md.includes(`| ${name} | ${p(c.stagesMs.preprocessing)} | ${p(c.stagesMs.inference)} | ${p(c.stagesMs.constraintSolving)} | ${p(c.stagesMs.postprocessing)} |`), `${name} stages row`);
  }
  for (const section of ['## Suites', '### Throughput (wasm, batch 64)', '### Single-stream latency', '### Stage breakdown: ms per instruction', '### Scalability: batch sweep', '### Memory', '### Parallel', '## System timeline', '## Warnings']) assert.ok(md.includes(section), section);
  assert.ok(md.includes('N^1.80 (R² 0.990)'));
  assert.ok(md.includes('time ∝ N^1.80 [1.70, 1.90]'), 'growth exponent with its interval');
  assert.ok(md.includes(`${r.suites.parallel!.speedup.toFixed(2)}×`));
  assert.ok(md.includes('- `NOISY`: CV above 10% in simple'));
  assert.ok(md.includes('![Throughput per category](throughput.png)'));
});

test('absent suites have no section; an empty timeline is noted; no charts, no chart section', () => {
  const r = makeSampleReport();
  delete r.suites.memory;
  delete r.suites.scalability;
  r.timeline = { ...r.timeline, samples: [] };
  r.complete = false;
  const md = reportMarkdown(r, 'partial.json', []);
  assert.ok(!md.includes('### Memory') && !md.includes('### Scalability') && !md.includes('## Charts'));
  assert.match(md, /No samples: the sampler was off/);
  assert.match(md, /incomplete run \(interrupted\)/);
  assert.match(md, /## Warnings\n\nNone\./);
});

test('table cells escape pipes so a category name cannot break a row', () => {
  const table = markdownTable(['a', 'b'], [['x|y', 1]]);
  assert.equal(table, '| a | b |\n| --- | ---: |\n| x\\|y | 1 |');
});
