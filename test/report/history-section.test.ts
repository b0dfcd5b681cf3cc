/** `gasm report --history`: the History section read from a temporary SQLite store, and a missing store as a warning. */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ConfigError } from '../../src/errors.js';
import { figureOf } from '../../src/history/metric-interval.js';
import { openHistoryStore } from '../../src/history/store.js';
import { renderReports } from '../../src/report/render.js';
import { at, makeEntry, noise } from '../history/entries.js';
import { makeSampleReport } from '../helpers/sample-report.js';

let dir: string;
let db: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gasm-history-section-'));
  db = join(dir, 'history.db');
  const store = await openHistoryStore(db, { create: true });
  // 20 commits, an 8% drop from commit 12.
  for (let c = 0; c < 20; c++) {
    const level = c >= 12 ? 920 : 1000;
    const samples = [0, 1, 2, 3, 4].map((k) => level * (1 + 0.005 * noise(c * 5 + k)));
    await store.record(makeEntry({ id: `run${c}`, commit: `${c}`.padEnd(40, 'a'), createdAt: at(c), samples }));
  }
  await store.close();
});
after(() => rm(dir, { recursive: true, force: true }));

describe('renderReports with history', () => {
  it('adds a History section with the metric values, an embedded trend chart and the detected step', async () => {
    const out = join(dir, 'out');
    const { files, warnings } = await renderReports([{ path: 'r.json', report: makeSampleReport() }], { outDir: out, formats: ['png', 'md', 'html'], history: { db } });
    assert.deepEqual(warnings, []);
    const html = await readFile(join(out, 'report.html'), 'utf8');
    const section = html.slice(html.indexOf('<h1>History</h1>'));
    assert.ok(html.includes('<h1>History</h1>'));
    assert.match(section, /<code>throughput\.simple\.instructionsPerSecond<\/code>/);
    assert.match(section, /920/, 'a value after the step');
    assert.match(section, /12aaaaaaaa/, 'the first commit of the step');
    assert.match(section, /regression/);
    assert.match(section, /<img alt="throughput simple: trend over commits" src="data:image\/png;base64,/);
    assert.ok(files.some((f) => f.endsWith('history-throughput.simple.instructionsPerSecond.png')));
    const md = await readFile(join(out, 'summary.md'), 'utf8');
    const mdSection = md.slice(md.indexOf('# History'));
    assert.match(mdSection, /Trend chart: `history-throughput\.simple\.instructionsPerSecond\.png`/);
    assert.doesNotMatch(mdSection, /!\[/, 'summary.md stands on tables, no images');
  });

  it('a store that cannot be opened is a warning, and the report is still written', async () => {
    const out = join(dir, 'missing');
    const { files, warnings } = await renderReports([{ path: 'r.json', report: makeSampleReport() }], { outDir: out, formats: ['md'], history: { db: join(dir, 'nope.db') } });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /no history store at .*nope\.db/);
    assert.ok(files.some((f) => f.endsWith('summary.md')));
    assert.match(await readFile(join(out, 'summary.md'), 'utf8'), /# History\n\nNo history figures: no history store/);
  });

  it('reads GASM_DB when no db is named', async () => {
    const out = join(dir, 'env');
    const { warnings } = await renderReports([{ path: 'r.json', report: makeSampleReport() }], { outDir: out, formats: ['md'], history: { env: { GASM_DB: db } } });
    assert.deepEqual(warnings, []);
    assert.match(await readFile(join(out, 'summary.md'), 'utf8'), /`throughput\.simple\.instructionsPerSecond`/);
  });

  it('draws trend charts for the headline metrics only, unless --history-metric names others; every metric keeps its table', async () => {
    const store3 = join(dir, 'three.db');
    const store = await openHistoryStore(store3, { create: true });
    for (let c = 0; c < 6; c++) {
      const entry = makeEntry({ id: `m${c}`, commit: `${c}`.padEnd(40, 'b'), createdAt: at(c) });
      const p99 = { kind: 'samples' as const, id: 'latency.simple.p99', label: 'p99 latency simple', unit: 'ms', direction: 'lower' as const, statistic: 'median' as const, samples: [5, 5.1, 4.9, 5, 5.2], unitOfIndependence: 'run' as const };
      entry.metrics.push({ metric: p99, figure: figureOf(p99) });
      await store.record(entry);
    }
    await store.close();
    const render = (name: string, chartMetrics?: string[]) => renderReports([{ path: 'r.json', report: makeSampleReport() }], { outDir: join(dir, name), formats: ['png', 'md'], history: { db: store3, chartMetrics } });
    const charts = (files: string[]) => files.map((f) => basename(f)).filter((f) => /^history-.*\.png$/.test(f)).sort();

    const headline = await render('headline');
    assert.deepEqual(charts(headline.files), ['history-quality.simple.successRate.png', 'history-throughput.simple.instructionsPerSecond.png']);
    const md = await readFile(join(dir, 'headline', 'summary.md'), 'utf8');
    assert.match(md, /## p99 latency simple: `latency\.simple\.p99`/, 'the p99 metric keeps its table');
    assert.match(md, /Trend charts: 2 metrics, those matching `throughput\.\*\.instructionsPerSecond`, `latency\.\*\.median`, `quality\.\*\.successRate`/);

    const chosen = await render('chosen', ['latency.*.p99', 'quality.simple']);
    assert.deepEqual(charts(chosen.files), ['history-latency.simple.p99.png', 'history-quality.simple.successRate.png']);

    await assert.rejects(render('unknown', ['latency.*.p99', 'latncy.simple']), (e: Error) => e instanceof ConfigError && /--history-metric names no metric of the rendered reports: 'latncy\.simple'; metric ids start with latency, memory/.test(e.message));
  });
});
