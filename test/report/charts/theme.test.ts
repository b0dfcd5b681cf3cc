import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barValueAxis, formatNumber, logAxisRange, percent } from '../../../src/report/charts/theme.js';


test('log axis ticks sit at 1-2-5 steps inside the padded range', () => {
  const r = logAxisRange(0.12, 8.7, 1.25);
  assert.equal(r.min, 0.12 / 1.25);
  assert.equal(r.max, 8.7 * 1.25);
  assert.deepEqual(r.ticks, [0.1, 0.2, 0.5, 1, 2, 5, 10]);
});

test('a narrow log range gets finer ticks so that at least four are labelled', () => {
  const r = logAxisRange(0.5, 1.3, 1.1);
  assert.deepEqual(r.ticks, [0.5, 0.7, 1]);
  assert.deepEqual(logAxisRange(0.4, 3, 1).ticks, [0.5, 0.7, 1, 1.5, 2, 3]);
});

test('bar value axis is linear from zero for close values and logarithmic for a wide spread', () => {
  const linear = barValueAxis('instructions per second', [800, 5500], [900, 6000]) as { beginAtZero?: boolean; type?: string; suggestedMax?: number };
  assert.equal(linear.beginAtZero, true);
  assert.equal(linear.type, undefined);
  assert.equal(linear.suggestedMax, 6000 * 1.2);
  const log = barValueAxis('instructions per second', [200, 20000], [210, 20500]) as { type?: string; min?: number; title: { text: string } };
  assert.equal(log.type, 'logarithmic');
  assert.ok(log.min! < 200);
  assert.match(log.title.text, /log scale/);
});

test('number labels', () => {
  assert.equal(formatNumber(12345.6), '12,346');
  assert.equal(formatNumber(0.052345), '0.0523');
  assert.equal(formatNumber(Number.NaN), '-');
  assert.equal(percent(0.987), '98.7%');
});
