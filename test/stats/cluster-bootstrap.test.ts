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

test('quantileInPlace is the type-7 quantile', async () => {
  const { quantileInPlace } = await import('../../src/stats/cluster-bootstrap.js');
  const { quantileSorted, sortedCopy } = await import('../../src/stats/quantile.js');
  const rng = createRng(11);
  for (const n of [1, 2, 3, 10, 101]) {
    const xs = Array.from({ length: n }, () => Math.round(rng() * 50));
    for (const q of [0.5, 0.9, 0.99]) assert.equal(quantileInPlace([...xs], q), quantileSorted(sortedCopy(xs), q), `n=${n} q=${q}`);
  }
});

test('run bootstrap: draws whole runs, so runs that differ widen the interval beyond a bootstrap over the values', async () => {
  const { runBootstrapInterval } = await import('../../src/stats/cluster-bootstrap.js');
  const { bootstrapCI } = await import('../../src/stats/bootstrap.js');
  // 20 runs of 24 calls each: tight inside a run (±0.05), run levels spread from 1 to 2.
  const runs = Array.from({ length: 20 }, (_, r) => Array.from({ length: 24 }, (_, i) => 1 + r / 19 + ((i % 5) - 2) * 0.025));
  const [lo, hi] = runBootstrapInterval(runs, undefined, median, { resamples: 1000, seed: 3 })!;
  const [plo, phi] = bootstrapCI(runs.flat(), median, { resamples: 1000, seed: 3 });
  assert.ok(lo <= median(runs.flat()) && median(runs.flat()) <= hi);
  assert.ok(hi - lo > 2 * (phi - plo), `runs [${lo}, ${hi}] vs calls as if independent [${plo}, ${phi}]`);
  // Every replicate is a median of whole runs: with two runs of constant values it can only be 1, 1.5 or 2.
  const two = runBootstrapInterval([[1, 1, 1], [2, 2, 2]], undefined, median, { resamples: 200, seed: 1 })!;
  for (const x of two) assert.ok([1, 1.5, 2].includes(x), String(x));
  assert.deepEqual(runBootstrapInterval([[5, 6, 7]], undefined, median), [6, 6], 'one run: the point');
  assert.equal(runBootstrapInterval([], undefined, median), null);
});

test('run bootstrap with forks: forks first, so the interval spans the spread between forks', async () => {
  const { runBootstrapInterval } = await import('../../src/stats/cluster-bootstrap.js');
  // Four forks of 30 runs each at levels 10, 12, 14, 16 (±0.01 inside a fork).
  const runs = Array.from({ length: 120 }, (_, r) => [10 + 2 * Math.floor(r / 30) + (r % 3) * 0.01]);
  const fork = runs.map((_, r) => Math.floor(r / 30));
  const [lo, hi] = runBootstrapInterval(runs, fork, median, { resamples: 1000, seed: 5 })!;
  const [rlo, rhi] = runBootstrapInterval(runs, undefined, median, { resamples: 1000, seed: 5 })!;
  assert.ok(lo <= 11 && hi >= 15, `forks first: [${lo}, ${hi}] spans the forks`);
  assert.ok(rhi - rlo <= 2.1 && hi - lo > 2 * (rhi - rlo), `runs alone: [${rlo}, ${rhi}] vs forks first [${lo}, ${hi}]`);
});

test('values split by process, then by run inside it, in the order they first appear', async () => {
  const { splitByRun, runCount } = await import('../../src/stats/cluster-bootstrap.js');
  const split = splitByRun([1, 2, 3, 4, 5, 6], [0, 0, 1, 2, 2, 1], [0, 0, 0, 1, 1, 0]);
  assert.deepEqual(split, [[[1, 2], [3, 6]], [[4, 5]]]);
  assert.deepEqual(splitByRun([1, 2, 3], [4, 4, 5]), [[[1, 2], [3]]], 'no groups: one process');
  assert.equal(runCount(split), 3);
  assert.throws(() => splitByRun([1, 2], [0]), RangeError);
});

test('run replicates keep each drawn run whole: never a median made of calls drawn inside one run', async () => {
  const { runBootstrapReplicates } = await import('../../src/stats/cluster-bootstrap.js');
  // Two runs [1,2,3] and [7,8,9]: a draw of two whole runs is A+A (median 2), B+B (8) or A+B (5).
  const runs = [[1, 2, 3], [7, 8, 9]];
  const reps = runBootstrapReplicates([runs], median, 1000, createRng(4));
  assert.deepEqual(new Set(reps), new Set([2, 5, 8]));
  // Resampling the calls inside each drawn run (the two-stage scheme for one value per run) mixes inside a run.
  const inside = clusterBootstrapReplicates(runs, median, 1000, createRng(4));
  assert.ok([...inside].some((x) => ![2, 5, 8].includes(x)), 'the calls-inside-runs scheme gives other medians');
});

test('run replicates: processes first, then whole runs inside each; the same draws as the report\'s run bootstrap', async () => {
  const { runBootstrapReplicates, runBootstrapInterval } = await import('../../src/stats/cluster-bootstrap.js');
  // Process A runs at 1 and 2, process B at 10 and 20 (two calls each): a replicate's mean draws two processes,
  // then two runs inside each, so every value comes from whole runs of whole processes.
  const a = [[1, 1], [2, 2]];
  const b = [[10, 10], [20, 20]];
  const reps = runBootstrapReplicates([a, b], (x) => x.reduce((s, v) => s + v, 0) / x.length, 2000, createRng(9));
  const possible = new Set<number>();
  const levels = [1, 2, 10, 20];
  for (const i of levels) for (const j of levels) for (const k of levels) for (const l of levels) {
    const inA = (v: number) => v < 5;
    // Runs paired by process: (i, j) from one process, (k, l) from one process.
    if (inA(i) === inA(j) && inA(k) === inA(l)) possible.add((i + j + k + l) / 4);
  }
  for (const x of reps) assert.ok(possible.has(x), `${x} is a mean of whole runs drawn process by process`);
  assert.ok(reps.some((x) => x === 1) && reps.some((x) => x === 20), 'one process drawn twice happens');
  // The report's interval (runs grouped by fork) is this scheme for the same seed and resamples.
  const runs = [...a, ...b];
  const fork = [0, 0, 1, 1];
  const options = { resamples: 500, seed: 21, confidence: 0.95 };
  assert.deepEqual(runBootstrapInterval(runs, fork, median, options), percentileInterval(runBootstrapReplicates([a, b], median, 500, createRng(21)), 0.95));
});
