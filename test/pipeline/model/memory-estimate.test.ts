import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../../src/errors.js';
import { DEFAULT_MODEL_CONFIG } from '../../../src/pipeline/model/config.js';
import { checkWeightMemory, maxScenesPerPass, MAX_WORKING_SET_BYTES, passBytes, sceneTooLargeMessage, weightBytes } from '../../../src/pipeline/model/memory-estimate.js';

const big = { featureDim: 1024, hiddenDim: 1024, heads: 256, iterations: 16, seed: 1 };

test('weights: the folded form grows with heads·H², the fused one does not', () => {
  assert.ok(weightBytes(big, 'folded') > 16 * 256 * 1024 * 1024 * 4);
  assert.ok(weightBytes(big, 'fused') < MAX_WORKING_SET_BYTES);
  assert.throws(() => checkWeightMemory(big, 'folded'), ConfigError);
  assert.doesNotThrow(() => checkWeightMemory(big, 'fused'));
  assert.doesNotThrow(() => checkWeightMemory({ ...DEFAULT_MODEL_CONFIG }, 'folded'));
});

test('a pass grows with B·heads·N²; the scenes per pass shrink to 0 for a scene that cannot fit', () => {
  const c = { ...DEFAULT_MODEL_CONFIG };
  assert.ok(passBytes(c, 'fused', 2, 10) > passBytes(c, 'fused', 1, 10));
  assert.ok(passBytes(c, 'fused', 1, 40) > 4 * passBytes(c, 'fused', 1, 10), 'quadratic in N once N dominates');
  assert.ok(maxScenesPerPass(c, 'fused', 3) > 100_000, 'small scenes: a whole benchmark batch is one pass');
  assert.equal(maxScenesPerPass(big, 'fused', 4000), 0);
  assert.match(sceneTooLargeMessage(big, 'fused', 4000), /a scene of 4000 entities needs about [\d.]+ GiB in the network .* over the 2\.0 GiB limit/);
});
