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

test('the gate warns when the two reports were measured with other forks, reference workload or warm-up', async () => {
  const { compareReports } = await import('../../src/gate/compare.js');
  const { makeSampleReport } = await import('../helpers/sample-report.js');
  const base = makeSampleReport({ seed: 1 });
  const cur = makeSampleReport({ seed: 2 });
  const same = compareReports([base], cur, { threshold: 0.1, confidence: 0.95, metrics: ['throughput.simple'] });
  assert.ok(!same.warnings.some((w) => w.startsWith('measured differently')));
  cur.config.suites.throughput = { ...cur.config.suites.throughput, forks: 3, reference: true };
  cur.config.warmupMaxMs = 4000;
  const other = compareReports([base], cur, { threshold: 0.1, confidence: 0.95, metrics: ['throughput.simple'] });
  assert.ok(other.warnings.some((w) => /^measured differently: baseline forks 1, reference workload off, warm-up up to 0 ms; current forks 3, reference workload on, warm-up up to 4000 ms/.test(w)), other.warnings.join(' | '));
});
