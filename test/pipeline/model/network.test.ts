import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { ConfigError, ModelError } from '../../../src/errors.js';
import { initBackend } from '../../../src/pipeline/model/backend.js';
import { DEFAULT_MODEL_CONFIG } from '../../../src/pipeline/model/config.js';
import { encodeScenes, type EncodedBatch } from '../../../src/pipeline/model/encode.js';
import { GasmNetwork } from '../../../src/pipeline/model/network.js';
import { chainScene, maxDiff, qmul, randomQuat, rotate, type Q } from './helpers.js';

before(async () => {
  await initBackend('cpu');
});

/** Gives every real entity a seeded random orientation, so that rotation terms are exercised. */
function withOrientations(enc: EncodedBatch, seed: number): EncodedBatch {
  const orientations = enc.orientations.slice();
  for (let r = 0; r < enc.batch * enc.entities; r++) if (enc.mask[r] > 0) orientations.set(randomQuat(seed + r), r * 4);
  return { ...enc, orientations };
}

test('output shapes and ranges', () => {
  const net = new GasmNetwork({ ...DEFAULT_MODEL_CONFIG });
  const enc = withOrientations(encodeScenes([chainScene(3), chainScene(5), chainScene(1)]), 1);
  const out = net.predict(enc);
  const rows = 3 * 5;
  assert.equal(out.positions.length, rows * 3);
  assert.equal(out.orientations.length, rows * 4);
  assert.equal(out.confidence.length, rows);
  for (let r = 0; r < rows; r++) {
    const q = out.orientations.subarray(r * 4, r * 4 + 4);
    assert.ok(Math.abs(Math.hypot(...q) - 1) < 1e-5, `row ${r} quaternion is unit`);
    assert.ok(q[0] >= 0, `row ${r} w ≥ 0`);
    assert.ok(out.confidence[r] > 0 && out.confidence[r] < 1, `row ${r} confidence in (0, 1)`);
    for (let c = 0; c < 3; c++) assert.ok(Number.isFinite(out.positions[r * 3 + c]));
  }
  // The network really moves the entities (it is not the identity on poses).
  assert.ok(maxDiff(out.positions, enc.positions) > 1e-3);
  net.dispose();
});

test('weights are deterministic from the seed', () => {
  const enc = encodeScenes([chainScene(4)]);
  const a = new GasmNetwork({ ...DEFAULT_MODEL_CONFIG, seed: 5 });
  const b = new GasmNetwork({ ...DEFAULT_MODEL_CONFIG, seed: 5 });
  const c = new GasmNetwork({ ...DEFAULT_MODEL_CONFIG, seed: 6 });
  const oa = a.predict(enc);
  assert.deepEqual(oa, b.predict(enc));
  assert.ok(maxDiff(oa.positions, c.predict(enc).positions) > 1e-4);
  assert.deepEqual(a.weights().get('embed/kernel')?.dataSync(), b.weights().get('embed/kernel')?.dataSync());
  for (const n of [a, b, c]) n.dispose();
});

test('a scene alone equals its slice of a padded batch', () => {
  const net = new GasmNetwork({ ...DEFAULT_MODEL_CONFIG });
  const A = chainScene(2);
  const B = chainScene(6, 1);
  const alone = net.predict(withOrientations(encodeScenes([A]), 10));
  const batch = encodeScenes([A, B]);
  // Same orientations for A's rows as when alone.
  const paddedEnc = withOrientations(batch, 100);
  paddedEnc.orientations.set(withOrientations(encodeScenes([A]), 10).orientations, 0);
  const padded = net.predict(paddedEnc);
  const n = batch.entities;
  assert.equal(n, 6);
  assert.ok(maxDiff(alone.positions, padded.positions.subarray(0, 2 * 3)) < 1e-5);
  assert.ok(maxDiff(alone.orientations, padded.orientations.subarray(0, 2 * 4)) < 1e-5);
  assert.ok(maxDiff(alone.confidence, padded.confidence.subarray(0, 2)) < 1e-5);
  // B's rows start at n: a scene in second place is unaffected by the first.
  const bAlone = net.predict({ ...encodeScenes([B]), orientations: paddedEnc.orientations.slice(n * 4) });
  assert.ok(maxDiff(bAlone.positions, padded.positions.subarray(n * 3)) < 1e-5);
  net.dispose();
});

test('SE(3) equivariance: a rigid motion of the input moves the output the same way', () => {
  const net = new GasmNetwork({ ...DEFAULT_MODEL_CONFIG, iterations: 3 });
  const enc = withOrientations(encodeScenes([chainScene(4), chainScene(3)]), 20);
  const rows = enc.batch * enc.entities;
  const g: Q = randomQuat(77);
  const t: [number, number, number] = [0.7, -1.3, 0.4];
  const moved = { ...enc, positions: enc.positions.slice(), orientations: enc.orientations.slice() };
  for (let r = 0; r < rows; r++) {
    const p = rotate(g, [enc.positions[r * 3], enc.positions[r * 3 + 1], enc.positions[r * 3 + 2]]);
    moved.positions.set([p[0] + t[0], p[1] + t[1], p[2] + t[2]], r * 3);
    moved.orientations.set(qmul(g, Array.from(enc.orientations.subarray(r * 4, r * 4 + 4)) as Q), r * 4);
  }
  const base = net.predict(enc);
  const out = net.predict(moved);
  let worst = 0;
  for (let r = 0; r < rows; r++) {
    if (enc.mask[r] === 0) continue;
    const p = rotate(g, [base.positions[r * 3], base.positions[r * 3 + 1], base.positions[r * 3 + 2]]);
    for (let c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(p[c] + t[c] - out.positions[r * 3 + c]));
    const q = qmul(g, Array.from(base.orientations.subarray(r * 4, r * 4 + 4)) as Q);
    const sign = q[0] < 0 ? -1 : 1;
    for (let c = 0; c < 4; c++) worst = Math.max(worst, Math.abs(sign * q[c] - out.orientations[r * 4 + c]));
    worst = Math.max(worst, Math.abs(base.confidence[r] - out.confidence[r]));
  }
  assert.ok(worst < 1e-4, `largest deviation ${worst}`);
  // And the poses did change through the iterations (the check is not vacuous).
  assert.ok(maxDiff(base.orientations, enc.orientations) > 1e-3);
  net.dispose();
});

test('predict leaks no tensors; dispose frees the weights', () => {
  const before = tf.memory().numTensors;
  const net = new GasmNetwork({ ...DEFAULT_MODEL_CONFIG });
  const held = tf.memory().numTensors;
  assert.ok(held > before);
  net.predict(encodeScenes([chainScene(3), chainScene(2)]));
  net.predict(encodeScenes([chainScene(1)]));
  assert.equal(tf.memory().numTensors, held);
  net.dispose();
  assert.equal(tf.memory().numTensors, before);
  assert.throws(() => net.predict(encodeScenes([chainScene(1)])), ModelError);
});

test('iterations 0 gives the initial poses and a confidence', () => {
  const net = new GasmNetwork({ ...DEFAULT_MODEL_CONFIG, iterations: 0 });
  const enc = encodeScenes([chainScene(3)]);
  const out = net.predict(enc);
  assert.ok(maxDiff(out.positions, enc.positions) < 1e-7);
  assert.ok(out.confidence.every((c) => c > 0 && c < 1));
  net.dispose();
});

test('mis-shaped batches throw ModelError naming the input', () => {
  const net = new GasmNetwork({ ...DEFAULT_MODEL_CONFIG, iterations: 1 });
  const enc = encodeScenes([chainScene(3)]);
  assert.throws(() => net.predict({ ...enc, features: enc.features.subarray(1) }), /input features has/);
  assert.throws(() => net.predict({ ...enc, relations: new Float32Array(3) }), /input relations has 3 values/);
  assert.throws(() => net.predict({ ...enc, positions: enc.positions.slice(0, 6) }), /positions/);
  assert.throws(() => net.predict({ ...enc, batch: 0 }), ModelError);
  assert.throws(() => net.predict({ ...enc, entities: 2.5 }), /entity count/);
  assert.throws(() => net.predict({ ...enc, mask: [1, 1, 1] as unknown as Float32Array }), /Float32Array/);
  net.dispose();
});

test('bad weights or config are rejected by the constructor', () => {
  assert.throws(() => new GasmNetwork({ ...DEFAULT_MODEL_CONFIG, heads: 3 }), ConfigError);
  const weights = new Map([['embed/kernel', new Float32Array(4)]]);
  assert.throws(() => new GasmNetwork({ ...DEFAULT_MODEL_CONFIG }, weights), /weight 'embed\/kernel' has 4 values/);
});

test('the encoder\'s pair marks change nothing: outputs equal those of the same batch without them', () => {
  const net = new GasmNetwork({ ...DEFAULT_MODEL_CONFIG });
  const enc = withOrientations(encodeScenes([chainScene(3), chainScene(4), chainScene(1)]), 3);
  assert.ok(enc.marked !== undefined);
  const withMarks = net.predict(enc);
  const without = net.predict({ ...enc, marked: undefined });
  assert.deepEqual(Array.from(withMarks.positions), Array.from(without.positions));
  assert.deepEqual(Array.from(withMarks.orientations), Array.from(without.orientations));
  assert.deepEqual(Array.from(withMarks.confidence), Array.from(without.confidence));
  net.dispose();
});
