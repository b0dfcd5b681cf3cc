import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { initBackend } from '../../../src/pipeline/model/backend.js';
import { DEFAULT_MODEL_CONFIG } from '../../../src/pipeline/model/config.js';
import { encodeScenes } from '../../../src/pipeline/model/encode.js';
import { GasmNetwork } from '../../../src/pipeline/model/network.js';
import { planPacking, rowPerScene, type PackingPlan } from '../../../src/pipeline/model/packing.js';
import { chainScene, maxDiff } from './helpers.js';

before(async () => {
  await initBackend('cpu');
});

/** Every scene inside one row, no two scenes sharing a slot. */
function assertValid(plan: PackingPlan, sizes: number[]): void {
  const used = new Uint8Array(plan.rows * plan.width);
  sizes.forEach((size, k) => {
    const first = plan.slots[k];
    const n = Math.max(1, size);
    assert.equal(Math.floor(first / plan.width), Math.floor((first + n - 1) / plan.width), `scene ${k} crosses a row`);
    assert.ok(first + n <= plan.rows * plan.width);
    for (let s = first; s < first + n; s++) {
      assert.equal(used[s], 0, `slot ${s} given twice`);
      used[s] = 1;
    }
  });
}

test('one scene per row: slots at k·width, width the largest scene (at least 1)', () => {
  assert.deepEqual(rowPerScene([2, 0, 3]), { rows: 3, width: 3, slots: Int32Array.from([0, 3, 6]) });
  assert.deepEqual(rowPerScene([0]), { rows: 1, width: 1, slots: Int32Array.from([0]) });
});

test('a batch of mostly two-entity scenes packs two per row of 4 (fewer slots and pairs than padding to 3)', () => {
  const sizes = [...Array(90).fill(2), ...Array(5).fill(3), ...Array(5).fill(1)];
  const plan = planPacking(sizes);
  assertValid(plan, sizes);
  assert.equal(plan.width, 4);
  assert.equal(plan.rows, 50);
  assert.ok(plan.rows * plan.width < 100 * 3);
});

test('packing never costs more slots or pairs than one scene per row, and keeps a lone or uniform batch padded', () => {
  for (const sizes of [[5], [3, 3, 3, 3], [8, 1, 1, 1, 1, 1, 1, 1], [1, 2, 3, 4, 5, 6, 7, 8, 9], [0, 0, 4], [16, 16, 2]]) {
    const plan = planPacking(sizes);
    const padded = rowPerScene(sizes);
    assertValid(plan, sizes);
    assert.ok(plan.rows * plan.width <= padded.rows * padded.width, `slots for ${sizes}`);
    assert.ok(plan.rows * plan.width ** 2 <= padded.rows * padded.width ** 2, `pairs for ${sizes}`);
  }
  assert.deepEqual(planPacking([5]), rowPerScene([5]));
  assert.deepEqual(planPacking([3, 3, 3, 3]), rowPerScene([3, 3, 3, 3]));
  // Seven one-entity scenes beside an eight: one row of 8 holds the seven.
  assert.equal(planPacking([8, 1, 1, 1, 1, 1, 1, 1]).rows, 2);
});

/** Plain first-fit decreasing from row 0 for one width (the textbook form), for comparison. */
function referenceFirstFit(sizes: number[], width: number): PackingPlan {
  const order = sizes.map((_, k) => k).sort((a, b) => Math.max(1, sizes[b]) - Math.max(1, sizes[a]) || a - b);
  const free: number[] = [];
  const slots = new Int32Array(sizes.length);
  for (const k of order) {
    const size = Math.max(1, sizes[k]);
    let row = 0;
    while (row < free.length && free[row] < size) row++;
    if (row === free.length) free.push(width);
    slots[k] = row * width + (width - free[row]);
    free[row] -= size;
  }
  return { rows: free.length, width, slots };
}

test('the plan is first-fit decreasing at its width: the same rows as the plain scan from row 0', () => {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let trial = 0; trial < 300; trial++) {
    const count = 2 + Math.floor(next() * 150);
    const largest = 1 + Math.floor(next() * 9);
    const sizes = Array.from({ length: count }, () => Math.floor(next() * (largest + 1)));
    const plan = planPacking(sizes);
    assertValid(plan, sizes);
    if (plan.rows === count && plan.slots.every((s, k) => s === k * plan.width)) continue; // kept padded
    assert.deepEqual(plan, referenceFirstFit(sizes, plan.width), `sizes ${sizes.join(',')}`);
  }
});

test('a packed scene gets the outputs it gets alone in its row: other scenes in the row are masked out', () => {
  const net = new GasmNetwork({ ...DEFAULT_MODEL_CONFIG });
  const scenes = [chainScene(2), chainScene(3, 1), chainScene(1, 2), chainScene(2, 3), chainScene(4, 4)];
  const sizes = scenes.map((s) => s.entities.length);
  const plan = planPacking(sizes);
  assert.ok(plan.rows < scenes.length, 'the test needs scenes that share a row');
  const packedEnc = encodeScenes(scenes, plan);
  const packed = net.predict(packedEnc);
  const padded = net.predict(encodeScenes(scenes));
  scenes.forEach((scene, k) => {
    const a = packedEnc.sceneSlots![k];
    const b = k * 4;
    const n = scene.entities.length;
    assert.ok(maxDiff(packed.positions.subarray(a * 3, (a + n) * 3), padded.positions.subarray(b * 3, (b + n) * 3)) < 1e-6, `positions of scene ${k}`);
    assert.ok(maxDiff(packed.orientations.subarray(a * 4, (a + n) * 4), padded.orientations.subarray(b * 4, (b + n) * 4)) < 1e-6, `orientations of scene ${k}`);
    assert.ok(maxDiff(packed.confidence.subarray(a, a + n), padded.confidence.subarray(b, b + n)) < 1e-6, `confidence of scene ${k}`);
  });
  // Without the segments the network would let scenes of one row attend to each other: outputs change.
  const unmasked = net.predict({ ...packedEnc, segments: undefined });
  assert.ok(maxDiff(unmasked.positions, packed.positions) > 1e-4);
  assert.throws(() => net.predict({ ...packedEnc, segments: new Int32Array(3) }), /input segments must be an Int32Array of \d+ values/);
  net.dispose();
});
