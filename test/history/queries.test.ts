/** stepFindings: the steps of a metric's history as `history regressions` and the report's History section list them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stepFindings, type MetricHistory } from '../../src/history/queries.js';
import { commitSeries } from '../../src/history/series.js';
import type { MetricPoint } from '../../src/history/types.js';
import { noise } from './entries.js';

/** 20 commits on one machine: level 1000, 920 from commit 12, and 1100 at the last commit (not yet confirmed). */
function points(): MetricPoint[] {
  return Array.from({ length: 20 }, (_, c) => {
    const level = c === 19 ? 1100 : c >= 12 ? 920 : 1000;
    const value = level * (1 + 0.005 * noise(c));
    return { runId: `r${c}`, commit: `${c}`.padStart(40, '0'), branch: 'main', machine: 'abcdef0123456789', createdAt: new Date(Date.UTC(2025, 0, 1, 0, c)).toISOString(), value, lower: value * 0.99, upper: value * 1.01, n: 5 };
  });
}

const history = (direction: 'higher' | 'lower'): MetricHistory => ({
  metric: { id: 'throughput.simple.instructionsPerSecond', label: 'throughput simple', unit: 'instr/s', direction, statistic: 'median' },
  runs: 20,
  series: commitSeries(points()),
});

test('a confirmed drop of a higher-is-better metric is a regression at its first commit, the last jump an unconfirmed improvement', () => {
  const found = stepFindings(history('higher'));
  assert.deepEqual(found.map((f) => [f.commit.replace(/^0+/, ''), f.previous?.replace(/^0+/, ''), f.kind, f.pending]), [['12', '11', 'regression', false], ['19', '18', 'improvement', true]]);
  assert.equal(found[0].metric, 'throughput.simple.instructionsPerSecond');
  assert.equal(found[0].machine, 'abcdef0123456789');
  assert.ok(found[0].change < -0.05 && found[0].before > found[0].after);
});

test('the same steps of a lower-is-better metric change kind', () => {
  assert.deepEqual(stepFindings(history('lower')).map((f) => f.kind), ['improvement', 'regression']);
});
