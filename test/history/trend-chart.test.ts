/** The trend chart: a real PNG, with a step marked in red where (and only where) a regression was found. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commitSeries } from '../../src/history/series.js';
import { REGRESSION_COLOUR, trendChartPng } from '../../src/history/trend-chart.js';
import type { MetricPoint } from '../../src/history/types.js';
import { pixelsNear, pixelStats, pngSize } from '../report/charts/png-checks.js';
import { noise } from './entries.js';

const info = { id: 'throughput.simple.instructionsPerSecond', label: 'throughput simple', unit: 'instr/s', direction: 'higher' as const, statistic: 'median', runs: 20 };

function points(stepAt: number | null): MetricPoint[] {
  return Array.from({ length: 20 }, (_, c) => {
    const value = (stepAt !== null && c >= stepAt ? 920 : 1000) * (1 + 0.01 * noise(c));
    return { runId: `r${c}`, commit: `${c}`.padStart(40, '0'), branch: 'main', machine: 'abcdef0123456789', createdAt: new Date(Date.UTC(2025, 0, 1, 0, c)).toISOString(), value, lower: value * 0.99, upper: value * 1.01, n: 10 };
  });
}

describe('trendChartPng', () => {
  it('draws the series and marks a detected regression in red', async () => {
    const series = commitSeries(points(12));
    assert.equal(series.machines[0].steps.length, 1);
    const png = trendChartPng(info, series, new Map([['abcdef0123456789', 'Test CPU (2 cores), wasm']]), '20 runs');
    assert.deepEqual(pngSize(png), { width: 2400, height: 1200 });
    const stats = await pixelStats(png);
    assert.ok(stats.opaque && stats.variance > 100);
    assert.ok((await pixelsNear(png, REGRESSION_COLOUR)) > 500, 'a red step marker is drawn');
  });

  it('draws no marker where there is no step', async () => {
    const series = commitSeries(points(null));
    assert.equal(series.machines[0].steps.length, 0);
    const png = trendChartPng(info, series, new Map(), '20 runs');
    assert.equal(await pixelsNear(png, REGRESSION_COLOUR), 0);
  });
});
