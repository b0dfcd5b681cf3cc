import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initBackend } from '../../../src/pipeline/model/backend.js';
import { DEFAULT_MODEL_CONFIG } from '../../../src/pipeline/model/config.js';
import { encodeScenes, type EncodedBatch } from '../../../src/pipeline/model/encode.js';
import { BROADCAST_MIN_MATRICES, SPLIT_PROJECTION_MIN_VALUES, usesBroadcast, usesSplitProjection } from '../../../src/pipeline/model/fused-attention.js';
import { GasmNetwork } from '../../../src/pipeline/model/network.js';
import { chainScene, maxDiff, randomQuat } from './helpers.js';

before(async () => {
  await initBackend('cpu');
});

/** Seeded random orientations for every real entity, the same for a scene whatever its place in a batch. */
function withOrientations(enc: EncodedBatch, seeds: readonly number[]): EncodedBatch {
  const orientations = enc.orientations.slice();
  for (let b = 0; b < enc.batch; b++) {
    for (let i = 0; i < enc.entities; i++) {
      const r = b * enc.entities + i;
      if (enc.mask[r] > 0) orientations.set(randomQuat(seeds[b] * 100 + i), r * 4);
    }
  }
  return { ...enc, orientations };
}

/**
 * Predicts `count` chain scenes of 2 and 3 entities (padded to 3) in one pass and checks that the scenes at
 * `picks` give what each gives alone, within 1e-5.
 */
function assertBatchMatchesAlone(net: GasmNetwork, count: number, picks: number[]): void {
  const scenes = Array.from({ length: count }, (_, b) => chainScene(2 + (b % 2), b));
  const seeds = scenes.map((_, b) => b + 1);
  const batch = net.predict(withOrientations(encodeScenes(scenes), seeds));
  const n = 3;
  for (const b of picks) {
    const rows = scenes[b].entities.length;
    const alone = net.predict(withOrientations(encodeScenes([scenes[b]]), [seeds[b]]));
    assert.ok(maxDiff(alone.positions, batch.positions.subarray(b * n * 3, b * n * 3 + rows * 3)) < 1e-5, `positions of scene ${b}`);
    assert.ok(maxDiff(alone.orientations, batch.orientations.subarray(b * n * 4, b * n * 4 + rows * 4)) < 1e-5, `orientations of scene ${b}`);
    assert.ok(maxDiff(alone.confidence, batch.confidence.subarray(b * n, b * n + rows)) < 1e-5, `confidence of scene ${b}`);
  }
}

test('many small scenes (broadcast products) give what each scene gives alone (batched matMuls)', () => {
  const config = { ...DEFAULT_MODEL_CONFIG, hiddenDim: 32, heads: 2 };
  const net = new GasmNetwork(config, undefined, { attention: 'fused' });
  const count = BROADCAST_MIN_MATRICES + 6;
  assert.ok(usesBroadcast(count, 3, 32, 2) && !usesBroadcast(1, 3, 32, 2) && !usesBroadcast(count, 3, 32, 4) && !usesBroadcast(count, 3, 32, 8));
  assertBatchMatchesAlone(net, count, [0, 1, 17, count - 1]);
  net.dispose();
});

test('a large pass (q, k, v as three matMuls by column block) gives what each scene gives alone (one matMul and slices)', () => {
  // Eight heads of width 4: no broadcast products, so only the projection differs between the two paths.
  const config = { ...DEFAULT_MODEL_CONFIG, hiddenDim: 32, heads: 8 };
  const net = new GasmNetwork(config, undefined, { attention: 'fused' });
  const count = Math.ceil(SPLIT_PROJECTION_MIN_VALUES / (3 * 3 * 32)) + 3;
  assert.ok(usesSplitProjection(count, 3, 32) && !usesSplitProjection(1, 3, 32) && !usesBroadcast(count, 3, 32, 8));
  assertBatchMatchesAlone(net, count, [0, 1, 9, count - 1]);
  net.dispose();
});
