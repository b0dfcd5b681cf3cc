import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterBootstrapReplicates, splitByGroup } from '../../src/stats/cluster-bootstrap.js';
import { createRng } from '../../src/stats/rng.js';
import { percentileInterval } from '../../src/stats/bootstrap.js';

const median = (b: number[]) => {
  const s = [...b].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

test('values split by group in the order groups first appear', () => {
  assert.deepEqual(splitByGroup([1, 2, 3, 4, 5], [7, 7, 3, 7, 3]), [[1, 2, 4], [3, 5]]);
  assert.throws(() => splitByGroup([1, 2], [0]), /2 values but 1 group/);
});

test('one cluster: the ordinary bootstrap (replicates stay inside the sample\'s range)', () => {
  const xs = [10, 11, 12, 13, 14, 15, 16];
  const reps = clusterBootstrapReplicates([xs], median, 500, createRng(1));
  for (const r of reps) assert.ok(r >= 10 && r <= 16);
});

test('clusters that differ widen the interval to the spread between clusters, not the spread inside them', () => {
  // Five forks whose runs are tight (±0.1) around fork means 95, 98, 100, 102, 105.
  const means = [95, 98, 100, 102, 105];
  const clusters = means.map((m) => Array.from({ length: 40 }, (_, i) => m + ((i % 5) - 2) * 0.05));
  const rng = createRng(7);
  const twoStage = clusterBootstrapReplicates(clusters, median, 2000, rng);
  const [lo, hi] = percentileInterval(twoStage, 0.95);
  assert.ok(hi - lo > 5, `two-stage interval [${lo}, ${hi}] spans the forks`);
  const flat = clusterBootstrapReplicates([clusters.flat()], median, 2000, createRng(7));
  const [flo, fhi] = percentileInterval(flat, 0.95);
  assert.ok(fhi - flo < 4.1, `runs-only interval [${flo}, ${fhi}] ignores most of the fork spread`);
});

test('forks of uneven size: replicates weigh runs as the estimate does, so the interval is centred on it', () => {
  // Two large forks at 100 and a 3-run fork 10 % off: the pooled median is 100.
  const clusters = [Array.from({ length: 30 }, () => 100), [110, 110, 110], Array.from({ length: 30 }, () => 100)];
  const reps = clusterBootstrapReplicates(clusters, median, 2000, createRng(3));
  const [lo, hi] = percentileInterval(reps, 0.95);
  assert.equal(lo, 100);
  assert.ok(hi <= 110);
  const atEstimate = Array.from(reps).filter((r) => r === 100).length / reps.length;
  assert.ok(atEstimate > 0.8, `${atEstimate} of replicates at the estimate`);
});
