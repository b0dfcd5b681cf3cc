import { test } from 'node:test';
import assert from 'node:assert/strict';
import { comparisonLabels } from '../../src/report/comparison-labels.js';
import { makeSampleReport } from '../helpers/sample-report.js';

test('runs are named by commit and by the settings that differ, nothing else', () => {
  const a = makeSampleReport();
  const b = makeSampleReport();
  b.git = { commit: 'fedcba9876543210fedcba9876543210fedcba98', dirty: true };
  b.config.model.heads = 8;
  b.config.suites.throughput = { batchSize: 32, singleStream: true };
  const [la, lb] = comparisonLabels([a, b], ['latest.json', 'latest.json']);
  assert.equal(la, '01234567 · model.heads=4, throughput.batchSize=64');
  assert.equal(lb, 'fedcba98+dirty · model.heads=8, throughput.batchSize=32');
});

test('two runs nothing tells apart get their file name and creation time; many differences are counted', () => {
  const a = makeSampleReport();
  const b = makeSampleReport();
  b.createdAt = '2026-11-24T12:05:00.000Z';
  const labels = comparisonLabels([a, b], ['a.json', 'b.json']);
  assert.deepEqual(labels, ['01234567 · a.json 2026-11-24 12:00:00', '01234567 · b.json 2026-11-24 12:05:00']);
  const c = makeSampleReport();
  c.config.model = { featureDim: 64, hiddenDim: 64, heads: 8, iterations: 3, seed: 1 };
  c.config.warmup = 9;
  assert.match(comparisonLabels([a, c])[1], /^01234567 · model\.featureDim=64, .*, \+2 more$/);
});

test('settings held in arrays of objects (compare variants, loaded without prototypes) are compared element by element', () => {
  const variants = (attention: string) =>
    [{ name: 'base', config: {} }, { name: 'fused', config: { attention } }].map((v) => Object.assign(Object.create(null), v, { config: Object.assign(Object.create(null), v.config) }));
  const a = makeSampleReport();
  const b = makeSampleReport();
  (a.config.suites as Record<string, unknown>).compare = Object.assign(Object.create(null), { variants: variants('fused'), rounds: 7 });
  (b.config.suites as Record<string, unknown>).compare = Object.assign(Object.create(null), { variants: variants('folded'), rounds: 7 });
  const [la, lb] = comparisonLabels([a, b]);
  assert.equal(la, '01234567 · compare.variants[1].config.attention=fused');
  assert.equal(lb, '01234567 · compare.variants[1].config.attention=folded');
});
