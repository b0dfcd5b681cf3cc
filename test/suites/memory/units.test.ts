import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryChartConfig } from '../../../src/suites/memory/charts/memory.js';
import { memoryTables } from '../../../src/suites/memory/tables.js';
import { makeSampleReport } from '../../helpers/sample-report.js';

const view = { backend: 'cpu', subtitle: 'test', cores: 2 };

function sample() {
  const m = makeSampleReport().suites.memory!;
  const c = m.categories.simple;
  c.heapUsedBefore = 25_024_576;
  c.heapUsedAfter = 25_024_576 + 2 ** 20;
  c.rssPeak = 157.3e6;
  return { m, c };
}

test('the memory table shows bytes in MiB, labelled MiB (the audit case: 25,024,576 B)', () => {
  const { m } = sample();
  const [table] = memoryTables(m);
  const row = table.rows[0];
  assert.equal(row[2], '23.9 MiB → 24.9 MiB');
  assert.equal(row[3], '150.0 MiB', '157.3 MB of RSS is 150.0 MiB');
  const text = [table.title, ...table.head, ...row, ...(table.notes ?? [])].join('\n');
  assert.doesNotMatch(text, /\bMB\b/);
});

test('the memory chart plots heap and RSS in MiB and labels them MiB', () => {
  const { c } = sample();
  const config = memoryChartConfig('simple', c, view);
  const datasets = config.data.datasets;
  const heapAfterGc = datasets[0].data as { x: number; y: number }[];
  assert.equal(heapAfterGc[0].y, 25_024_576 / 2 ** 20);
  const rss = datasets[2].data as { x: number; y: number }[];
  assert.equal(rss[0].y, c.timeline[0].rss / 2 ** 20);
  const labels = [...datasets.map((d) => d.label ?? ''), JSON.stringify(config.options?.scales?.y)].join('\n');
  assert.match(labels, /MiB = 2\^20 bytes/);
  assert.match(datasets[2].label ?? '', /\(MiB\)/);
  assert.doesNotMatch(labels, /\bMB\b/);
});
