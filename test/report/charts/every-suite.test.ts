/**
 * Every chart of every registered suite, drawn from a sample result of that suite: a suite added to the registry
 * without a sample here fails this test, so no suite's charts go unchecked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Value } from '@sinclair/typebox/value';
import { viewOf } from '../../../src/report/charts/theme.js';
import type { CompareResult, CompareVariantResult } from '../../../src/suites/compare/schema.js';
import { SUITE_LIST } from '../../../src/suites/registry.js';
import { makeSampleReport } from '../../helpers/sample-report.js';
import { sampleResult as serverSample } from '../../suites/server/fixtures.js';
import { assertRealChart, pngSize } from './png-checks.js';

function variant(name: string, ips: number, ratio: number, samples: number[]): CompareVariantResult {
  return {
    name,
    config: name === 'base' ? {} : { attention: 'folded' },
    pipeline: { backend: 'wasm', preset: null, model: { featureDim: 32, hiddenDim: 32, heads: 4, iterations: 2, seed: 42 }, attention: name === 'base' ? 'fused' : 'folded', weights: { precision: 'float32', bytes: 40_000 }, cache: 'off', modelSha256: null },
    batchSize: 64,
    instructionsPerSecond: ips,
    throughputCi95: [ips * 0.97, ips * 1.03],
    samples,
    batchLatencyMs: 6,
    cpuMsPerInstruction: 0.09,
    quality: { responses: 400, successes: 400, successRate: 1, constraints: 900, satisfied: 900, satisfactionRate: 1, maxPositionDiffMm: name === 'base' ? null : 0.01 },
    ratio: { value: ratio, ci95: [ratio * 0.98, ratio * 1.02] },
    roundRatios: samples.map(() => ratio),
    verdict: name === 'base' ? 'baseline' : `${ratio.toFixed(2)}× faster [${(ratio * 0.98).toFixed(2)}, ${(ratio * 1.02).toFixed(2)}]`,
    cache: null,
  };
}

function compareSample(): CompareResult {
  return {
    rounds: 4, roundTimeMs: 200, instructionsPerRound: 100, seed: 1, repeatRatio: null, measuredRepeatShare: 0,
    orders: [['base', 'folded'], ['folded', 'base'], ['base', 'folded'], ['folded', 'base']],
    variants: [variant('base', 10_000, 1, [9_900, 10_000, 10_100, 10_050]), variant('folded', 12_000, 1.2, [11_900, 12_000, 12_100, 12_050])],
    cache: null,
  };
}

test('every chart of every registered suite is a 2400×1200 PNG with content, from a schema-valid sample result', async () => {
  const report = makeSampleReport();
  const view = viewOf(report);
  const samples: Record<string, unknown> = { ...report.suites, server: serverSample(), compare: compareSample() };
  let drawn = 0;
  for (const suite of SUITE_LIST) {
    assert.ok(Object.hasOwn(samples, suite.name), `a sample result for the registered suite '${suite.name}'`);
    const result = samples[suite.name];
    assert.ok(Value.Check(suite.schema, result), `${suite.name} sample matches its schema: ${[...Value.Errors(suite.schema, result)].slice(0, 3).map((e) => `${e.path} ${e.message}`).join('; ')}`);
    const charts = suite.charts(result, view);
    assert.ok(charts.length > 0, `${suite.name} draws at least one chart`);
    for (const chart of charts) {
      assert.match(chart.name, /^[a-z0-9-]+$/, `${suite.name}: a plain file stem`);
      assert.ok(chart.title.length > 0);
      const png = chart.render();
      assert.deepEqual(pngSize(png), { width: 2400, height: 1200 });
      await assertRealChart(png, `${suite.name}/${chart.name}`);
      drawn++;
    }
  }
  assert.ok(drawn >= SUITE_LIST.length);
});
