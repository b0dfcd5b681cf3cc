import { test } from 'node:test';
import assert from 'node:assert/strict';
import { relativeChange } from '../../src/gate/compare.js';

/** Runs of `forks` forks: fork f's runs sit tightly around means[f]. */
function forked(means: number[], runs = 30): { samples: number[]; groups: number[] } {
  const samples: number[] = [];
  const groups: number[] = [];
  means.forEach((m, f) => {
    for (let i = 0; i < runs; i++) {
      samples.push(m * (1 + ((i % 7) - 3) * 0.002));
      groups.push(f);
    }
  });
  return { samples, groups };
}

test('A/A with fork-to-fork spread: the interval over forks spans 0 where an interval over runs would not', () => {
  const base = forked([100, 104, 97, 101, 99]);
  const cur = forked([96, 99, 95, 100, 97]); // the same build in other isolates: about -2.5 %
  const overForks = relativeChange(base, cur, 'median', 0.95, 2000, 1);
  assert.ok(overForks.lower < 0 && overForks.upper > 0, `two-stage [${overForks.lower}, ${overForks.upper}]`);
  const overRuns = relativeChange(base.samples, cur.samples, 'median', 0.95, 2000, 1);
  assert.ok(overRuns.upper < 0, `runs-only [${overRuns.lower}, ${overRuns.upper}] calls noise a change`);
});

test('a real 15 % slowdown stays clear over forks', () => {
  const base = forked([100, 104, 97, 101, 99]);
  const cur = forked([85, 88, 83, 86, 84]);
  const r = relativeChange(base, cur, 'median', 0.95, 2000, 1);
  assert.ok(r.upper < -0.08, `[${r.lower}, ${r.upper}]`);
});
