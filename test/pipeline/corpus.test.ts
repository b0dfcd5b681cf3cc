/**
 * The instruction corpus (fixtures/corpus, 300+ hand-written instructions in five styles) through one bridge in
 * one batch: coverage, geometry of the hand-labelled relations checked from positions alone, refusals that fail
 * with the expected error, and support margins. The thresholds are the team's targets; failures are listed.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createBridge, type GasmBridge } from '../../src/pipeline/bridge.js';
import type { GasmResponse } from '../../src/pipeline/types.js';
import { checkCorpus, loadCorpus, type CorpusEntry, type CorpusFigures } from './corpus-check.js';

let bridge: GasmBridge;
let entries: CorpusEntry[];
let responses: GasmResponse[];
let figures: CorpusFigures;

before(async () => {
  bridge = await createBridge({ backend: 'wasm' });
  entries = loadCorpus(join(import.meta.dirname, '..', '..', 'fixtures', 'corpus'));
  responses = bridge.processBatch(entries.map((e) => e.instruction));
  figures = checkCorpus(entries, responses);
});
after(() => bridge.dispose());

test('the corpus holds at least 300 labelled instructions', () => {
  assert.ok(figures.instructions >= 300, `${figures.instructions} instructions`);
  assert.ok(figures.labels >= figures.instructions);
});

test('at least 95 % of the instructions are read into at least one constraint', () => {
  const share = figures.covered / figures.instructions;
  assert.ok(share >= 0.95, `coverage ${(100 * share).toFixed(1)} %`);
});

test('at least 95 % of the labelled relations hold in the returned positions', () => {
  const share = figures.labelsTrue / figures.labels;
  assert.ok(share >= 0.95, `geometry ${(100 * share).toFixed(1)} %:\n${figures.failures.join('\n')}`);
});

test('every refusal fails with an error naming the problem', () => {
  assert.equal(figures.refusalsRight, figures.refusals, figures.failures.filter((f) => f.includes('should fail')).join('\n'));
});

test('supported objects rest well inside their supports: 95 % of responses with a margin of at least 0.25', () => {
  const margins = responses.map((r) => r.metrics.supportMargin).filter((m): m is number => m !== null && m !== undefined);
  assert.ok(margins.length >= 100, `${margins.length} responses support something`);
  const share = margins.filter((m) => m >= 0.25).length / margins.length;
  assert.ok(share >= 0.95, `share ${share}`);
});

test('every pose carries its entity size', () => {
  for (const r of responses) for (const p of Object.values(r.targetPoses)) assert.ok(p.halfExtents.every((h) => Number.isFinite(h) && h >= 0));
});
