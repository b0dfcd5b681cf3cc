/** Commit order, per-machine series and the figure stored per metric. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { figureOf } from '../../src/history/metric-interval.js';
import { commitSeries } from '../../src/history/series.js';
import type { MetricPoint } from '../../src/history/types.js';

const point = (p: Partial<MetricPoint> & { runId: string; createdAt: string }): MetricPoint => ({ commit: null, branch: 'main', machine: 'm1', value: 1, lower: 0.9, upper: 1.1, n: 5, ...p });

describe('commitSeries', () => {
  it('orders commits by their first run, one point per commit and machine (median value, spanning interval)', () => {
    const s = commitSeries([
      point({ runId: 'a', commit: 'bbbbbbbbbb', createdAt: '2025-01-01T00:00:00.000Z', value: 10, lower: 9, upper: 11 }),
      point({ runId: 'b', commit: 'aaaaaaaaaa', createdAt: '2025-01-02T00:00:00.000Z', value: 20, lower: 19, upper: 21 }),
      point({ runId: 'c', commit: 'aaaaaaaaaa', createdAt: '2025-01-03T00:00:00.000Z', value: 22, lower: 18, upper: 23 }),
      point({ runId: 'd', commit: 'aaaaaaaaaa', createdAt: '2025-01-03T00:00:00.000Z', value: 30, lower: 29, upper: 31 }),
      point({ runId: 'e', commit: 'bbbbbbbbbb', createdAt: '2025-01-04T00:00:00.000Z', value: 12, machine: 'm2' }),
      point({ runId: 'nogit1', createdAt: '2025-01-05T00:00:00.000Z', value: 5 }),
    ]);
    assert.deepEqual(s.commits.map((c) => c.label), ['bbbbbbb', 'aaaaaaa', 'nogit1']);
    assert.deepEqual(s.machines.map((m) => m.machine), ['m1', 'm2']);
    const m1 = s.machines[0];
    assert.deepEqual(m1.values, [10, 22, 5]);
    assert.deepEqual(m1.lower, [9, 18, 0.9]);
    assert.deepEqual(m1.upper, [11, 31, 1.1]);
    assert.deepEqual(m1.runs, [1, 3, 1]);
    assert.deepEqual(s.machines[1].values, [12, null, null]);
  });
});

describe('figureOf', () => {
  it('stores a quantile with its distribution-free order-statistic interval (Conover), null when n is too small', () => {
    const samples = Array.from({ length: 40 }, (_, i) => 100 + (i % 10));
    const f = figureOf({ kind: 'samples', id: 'x', label: 'x', unit: 'ms', direction: 'lower', statistic: 'median', samples, unitOfIndependence: 'run' });
    assert.equal(f.statistic, 'median');
    assert.equal(f.value, 104.5);
    assert.equal(f.n, 40);
    // n = 40: ranks 14 and 27 of the sorted sample (P(Bin(40, ½) ≤ 13) = 0.019 ≤ 0.025 < P(≤ 14)).
    const sorted = [...samples].sort((a, b) => a - b);
    assert.deepEqual([f.lower, f.upper], [sorted[13], sorted[26]]);
    const p99 = figureOf({ kind: 'samples', id: 'x', label: 'x', unit: 'ms', direction: 'lower', statistic: 'p99', samples, unitOfIndependence: 'run' });
    assert.ok(p99.value! > 108);
    assert.deepEqual([p99.lower, p99.upper], [null, null], 'no 95% interval of a p99 from 40 samples');
    const six = figureOf({ kind: 'samples', id: 'x', label: 'x', unit: 'ms', direction: 'lower', statistic: 'median', samples: [5, 1, 4, 2, 6, 3], unitOfIndependence: 'run' });
    assert.deepEqual([six.value, six.lower, six.upper], [3.5, 1, 6]);
    const five = figureOf({ kind: 'samples', id: 'x', label: 'x', unit: 'ms', direction: 'lower', statistic: 'median', samples: [5, 1, 4, 2, 3], unitOfIndependence: 'run' });
    assert.deepEqual([five.value, five.lower, five.upper], [3, null, null]);
  });

  it('covers the true quantile at least 95% of the time', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    let covered = 0;
    const trials = 2000;
    for (let t = 0; t < trials; t++) {
      const samples = Array.from({ length: 50 }, () => -Math.log(rnd())); // exponential: p90 = ln 10
      const f = figureOf({ kind: 'samples', id: 'x', label: 'x', unit: 'ms', direction: 'lower', statistic: 'p90', samples, unitOfIndependence: 'run' });
      if (f.lower! <= Math.LN10 && Math.LN10 <= f.upper!) covered++;
    }
    assert.ok(covered / trials >= 0.94, `coverage ${covered / trials}`);
  });

  it('stores a mean with a deterministic bootstrap interval', () => {
    const samples = Array.from({ length: 40 }, (_, i) => 100 + (i % 10));
    const m = { kind: 'samples' as const, id: 'x', label: 'x', unit: 'B', direction: 'lower' as const, statistic: 'mean' as const, samples, unitOfIndependence: 'run' as const };
    const f = figureOf(m);
    assert.equal(f.value, 104.5);
    assert.ok(f.lower! < 104.5 && f.upper! > 104.5 && f.lower! > 102 && f.upper! < 107);
    assert.deepEqual(figureOf(m), f);
  });

  it('stores a rate with its Wilson interval, and nulls for nothing measured', () => {
    const f = figureOf({ kind: 'proportion', id: 'q', label: 'q', unit: '', direction: 'higher', successes: 90, trials: 100 });
    assert.equal(f.value, 0.9);
    assert.ok(f.lower! > 0.82 && f.lower! < 0.9 && f.upper! > 0.9 && f.upper! < 0.95);
    assert.deepEqual(figureOf({ kind: 'samples', id: 'x', label: 'x', unit: 'ms', direction: 'lower', statistic: 'median', samples: [], unitOfIndependence: 'run' }), { statistic: 'median', value: null, lower: null, upper: null, n: 0 });
  });
});

describe('figureOf with groups (forks, or the runs pooled calls came from)', () => {
  it('resamples groups first, as the gate does, so the interval spans the spread between forks', async () => {
    const { quantileInterval } = await import('../../src/history/metric-interval.js');
    // Six forks of 40 runs each at levels 10,000 … 15,000 instr/s (±40 inside a fork).
    const samples = Array.from({ length: 240 }, (_, i) => 10_000 + 1000 * Math.floor(i / 40) + (i % 5) * 20);
    const groups = samples.map((_, i) => Math.floor(i / 40));
    const metric = { kind: 'samples', id: 'x', label: 'x', unit: 'instr/s', direction: 'higher', statistic: 'median', samples, groups, unitOfIndependence: 'process' } as const;
    const f = figureOf(metric);
    const sorted = [...samples].sort((a, b) => a - b);
    assert.equal(f.value, (sorted[119] + sorted[120]) / 2);
    assert.equal(f.n, 240);
    // Runs as if independent: [12,060, 13,020], inside the two middle forks.
    const pooled = quantileInterval(sorted, 0.5)!;
    assert.ok(f.lower! <= 11_000 && f.upper! >= 14_000, `[${f.lower}, ${f.upper}] spans the forks around the median`);
    assert.ok(f.upper! - f.lower! > 3 * (pooled[1] - pooled[0]));
    assert.deepEqual(figureOf(metric), f, 'seeded');
    // One group: the order-statistic interval as before.
    const one = figureOf({ ...metric, groups: samples.map(() => 0) });
    assert.deepEqual([one.lower, one.upper], pooled);
  });
});

describe('figureOf with runs (the calls or batches of runs pooled)', () => {
  it('draws whole runs: with runs [1,2,3] and [7,8,9] every replicate median is 2, 5 or 8, so are the bounds', () => {
    const metric = { kind: 'samples', id: 'x', label: 'x', unit: 'ms', direction: 'lower', statistic: 'median', samples: [1, 2, 3, 7, 8, 9], runs: [0, 0, 0, 1, 1, 1], unitOfIndependence: 'run' } as const;
    const f = figureOf(metric);
    assert.equal(f.value, 5);
    assert.deepEqual([f.lower, f.upper], [2, 8]);
    // One run: nothing to draw between runs; the order-statistic interval of its values, as before.
    const one = figureOf({ ...metric, runs: [0, 0, 0, 0, 0, 0] });
    assert.equal(one.value, 5);
    assert.deepEqual([one.lower, one.upper], [1, 9]);
  });

  it('with forks (groups), draws forks, then whole runs inside each drawn fork', () => {
    // Fork 0: runs at 1 and 2; fork 1: runs at 10 and 20 (three calls each). Means of whole runs only.
    const samples = [1, 1, 1, 2, 2, 2, 10, 10, 10, 20, 20, 20];
    const metric = { kind: 'samples', id: 'x', label: 'x', unit: 'ms', direction: 'lower', statistic: 'mean', samples, runs: [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3], groups: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1], unitOfIndependence: 'process' } as const;
    const f = figureOf(metric);
    assert.equal(f.value, 8.25);
    // Both ends are means of four whole runs, two from each drawn fork: (a + b + c + d) / 4 with the pairs
    // {a, b} and {c, d} each drawn inside one fork.
    const levels = [1, 2, 10, 20];
    const possible = new Set<number>();
    for (const a of levels) for (const b of levels) for (const c of levels) for (const d of levels) {
      if ((a < 5) === (b < 5) && (c < 5) === (d < 5)) possible.add((a + b + c + d) / 4);
    }
    assert.ok(possible.has(f.lower!) && possible.has(f.upper!), `[${f.lower}, ${f.upper}]`);
    assert.ok(f.lower! <= 1.5 && f.upper! >= 17.5, 'spans the forks');
  });
});
