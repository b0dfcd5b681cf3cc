import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONSTRAINT_TYPES } from '../../../src/pipeline/types.js';
import { encodeScenes, kindBucket, KIND_HASH_BUCKETS, KNOWN_KINDS, RAW_FEATURES, RELATION_CHANNELS } from '../../../src/pipeline/model/encode.js';
import { chainScene } from './helpers.js';

test('layout sizes and padding', () => {
  const enc = encodeScenes([chainScene(2), chainScene(4)]);
  assert.equal(enc.batch, 2);
  assert.equal(enc.entities, 4);
  assert.equal(enc.features.length, 2 * 4 * RAW_FEATURES);
  assert.equal(enc.relations.length, 2 * 4 * 4 * RELATION_CHANNELS);
  assert.equal(RELATION_CHANNELS, 2 * CONSTRAINT_TYPES.length + 2);
  assert.deepEqual(Array.from(enc.mask), [1, 1, 0, 0, 1, 1, 1, 1]);
  // Padding rows: zero features, identity rotation, origin.
  for (const row of [2, 3]) {
    assert.ok(enc.features.subarray(row * RAW_FEATURES, (row + 1) * RAW_FEATURES).every((v) => v === 0));
    assert.deepEqual(Array.from(enc.orientations.subarray(row * 4, row * 4 + 4)), [1, 0, 0, 0]);
    assert.deepEqual(Array.from(enc.positions.subarray(row * 3, row * 3 + 3)), [0, 0, 0]);
  }
});

test('an empty batch of entities still has N = 1', () => {
  const enc = encodeScenes([{ instruction: '', entities: [], constraints: [], warnings: [] }]);
  assert.equal(enc.entities, 1);
  assert.deepEqual(Array.from(enc.mask), [0]);
});

test('relations mark subject→target and target→subject channels with the distance', () => {
  const enc = encodeScenes([chainScene(3)]);
  const above = CONSTRAINT_TYPES.indexOf('above');
  const near = CONSTRAINT_TYPES.indexOf('near');
  const at = (i: number, j: number, c: number) => enc.relations[(i * 3 + j) * RELATION_CHANNELS + c];
  assert.equal(at(0, 1, 2 * above), 1);
  assert.equal(at(1, 0, 2 * above + 1), 1);
  assert.equal(at(0, 1, 2 * above + 1), 0);
  assert.equal(at(1, 2, 2 * near), 1);
  assert.ok(Math.abs(at(0, 1, 2 * CONSTRAINT_TYPES.length) - 0.05) < 1e-7);
  assert.ok(Math.abs(at(2, 1, 2 * CONSTRAINT_TYPES.length) - 0.1) < 1e-7);
  let nonZero = 0;
  for (const v of enc.relations) if (v !== 0) nonZero++;
  assert.equal(nonZero, 8); // 2 constraints × 2 directions × (type channel + distance)
});

test('a world-relative constraint marks the subject pair (i, i)', () => {
  const scene = chainScene(1);
  scene.constraints = [{ type: 'angle', subject: 'e0', targets: [], parameters: { angle: Math.PI / 2 }, source: '' }];
  const enc = encodeScenes([scene]);
  const angle = CONSTRAINT_TYPES.indexOf('angle');
  assert.equal(enc.relations[2 * angle], 1);
  assert.ok(Math.abs(enc.relations[2 * CONSTRAINT_TYPES.length + 1] - 0.5) < 1e-7);
});

test('initial poses: on a circle, resting on the ground, identity rotation', () => {
  const enc = encodeScenes([chainScene(4)]);
  const r0 = Math.hypot(enc.positions[0], enc.positions[1]);
  for (let i = 0; i < 4; i++) {
    assert.ok(Math.abs(Math.hypot(enc.positions[i * 3], enc.positions[i * 3 + 1]) - r0) < 1e-6);
    assert.ok(Math.abs(enc.positions[i * 3 + 2] - (0.03 + 0.005 * i)) < 1e-7);
    assert.deepEqual(Array.from(enc.orientations.subarray(i * 4, i * 4 + 4)), [1, 0, 0, 0]);
  }
  assert.ok(r0 >= 0.3);
  // A scene's layout does not depend on what it is batched with.
  const alone = encodeScenes([chainScene(2)]);
  const padded = encodeScenes([chainScene(2), chainScene(5)]);
  assert.deepEqual(Array.from(padded.positions.subarray(0, 6)), Array.from(alone.positions));
});

test('unknown kinds hash into the shared buckets and never fail', () => {
  const enc = encodeScenes([chainScene(3)]); // e2 is 'widget' (unknown)
  const slot = KNOWN_KINDS.length + kindBucket('widget');
  assert.equal(enc.features[0 * RAW_FEATURES + KNOWN_KINDS.indexOf('box')], 1);
  assert.equal(enc.features[2 * RAW_FEATURES + slot], 1);
  assert.ok(kindBucket('widget') >= 0 && kindBucket('widget') < KIND_HASH_BUCKETS);
  assert.equal(kindBucket('widget'), kindBucket('widget'));
});

test('constraints naming unknown entities are skipped', () => {
  const scene = chainScene(2);
  scene.constraints.push({ type: 'left', subject: 'ghost', targets: ['e0'], parameters: {}, source: '' });
  scene.constraints.push({ type: 'left', subject: 'e0', targets: ['ghost'], parameters: {}, source: '' });
  const enc = encodeScenes([scene]);
  assert.equal(enc.relations[(0 * 2 + 1) * RELATION_CHANNELS + 2 * CONSTRAINT_TYPES.indexOf('left')], 0);
});

test('marked holds 1 exactly for the ordered pairs with a relation channel set', () => {
  const enc = encodeScenes([chainScene(3), chainScene(2)]);
  const N = enc.entities;
  assert.ok(enc.marked instanceof Uint8Array);
  assert.equal(enc.marked!.length, 2 * N * N);
  for (let pair = 0; pair < 2 * N * N; pair++) {
    const channels = enc.relations.subarray(pair * RELATION_CHANNELS, (pair + 1) * RELATION_CHANNELS);
    assert.equal(enc.marked![pair], channels.some((v) => v !== 0) ? 1 : 0, `pair ${pair}`);
  }
  assert.ok(enc.marked!.some((v) => v === 1));
});
