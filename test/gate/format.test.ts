import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { GateResult, MetricComparison } from '../../src/gate/compare.js';
import { COLUMNS, comparisonRow, gateMarkdown, summaryLine } from '../../src/gate/format.js';

const timing: MetricComparison = { id: 'throughput.simple.instructionsPerSecond', label: 'throughput simple', unit: 'instr/s', direction: 'higher', baseline: 1234.4, current: 1049.2, change: -0.15, ci: [-0.17, -0.13], threshold: 0.05, verdict: 'regression', method: 'bootstrap-median', reason: '15.0% worse' };
const rate: MetricComparison = { id: 'quality.simple.constraintSatisfactionRate', label: 'constraint satisfaction simple', unit: '', direction: 'higher', baseline: 1, current: 0.9, change: -0.1, ci: [-0.12, -0.08], threshold: 0, verdict: 'regression', method: 'proportion-difference', reason: 'rate dropped' };
const small: MetricComparison = { ...timing, id: 'latency.simple.median', unit: 'ms', direction: 'lower', baseline: 0.01234, current: 0.01239, change: 0.004, ci: [-0.01, 0.02], verdict: 'no-change' };
const inconclusive: MetricComparison = { ...timing, id: 'parallel.speedup', baseline: NaN, current: NaN, change: NaN, ci: [NaN, NaN], verdict: 'inconclusive' };

test('rows show values in units, changes in % (pp for rates) and the CI', () => {
  assert.deepEqual(COLUMNS, ['metric', 'baseline', 'current', 'change', '95% CI', 'threshold', 'verdict', 'reason']);
  assert.deepEqual(comparisonRow(timing), ['throughput.simple.instructionsPerSecond', '1234 instr/s', '1049 instr/s', '-15.00%', '[-17.00%, -13.00%]', '±5.0%', 'regression', '15.0% worse']);
  assert.deepEqual(comparisonRow(rate), ['quality.simple.constraintSatisfactionRate', '100.00%', '90.00%', '-10.00 pp', '[-12.00, -8.00] pp', 'any drop', 'regression', 'rate dropped']);
  assert.deepEqual(comparisonRow(small).slice(1, 5), ['0.0123 ms', '0.0124 ms', '+0.40%', '[-1.00%, +2.00%]']);
  assert.deepEqual(comparisonRow(inconclusive).slice(1, 7), ['-', '-', '-', '-', '±5.0%', 'inconclusive']);
});

test('the verdict line and Markdown name the regressions', () => {
  const fail: GateResult = { passed: false, comparisons: [timing, rate, small], skipped: [], warnings: ['baseline and current ran on different CPUs'] };
  assert.equal(summaryLine(fail), 'FAIL: 2 of 3 metrics regressed: throughput.simple.instructionsPerSecond, quality.simple.constraintSatisfactionRate');
  const pass: GateResult = { passed: true, comparisons: [small, { ...timing, verdict: 'improvement', change: 0.15 }], skipped: [], warnings: [] };
  assert.equal(summaryLine(pass), 'PASS: 2 metrics compared, no regression (1 improved)');
  const md = gateMarkdown(fail).split('\n');
  assert.equal(md[0], '## gasm gate');
  assert.ok(md.includes('| metric | baseline | current | change | 95% CI | threshold | verdict | reason |'));
  assert.ok(md.some((l) => l.startsWith('| throughput.simple.instructionsPerSecond |') && l.endsWith('| **regression** | 15.0% worse |')));
  assert.ok(md.some((l) => l.startsWith('| latency.simple.median |') && l.includes('| no-change |')));
  assert.ok(md.includes('> warning: baseline and current ran on different CPUs'));
});
