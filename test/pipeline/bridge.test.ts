import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import { CATEGORIES, readCategory } from '../../src/bench/instruction-files.js';
import { createBridge, type GasmBridge } from '../../src/pipeline/bridge.js';

let bridge: GasmBridge;
before(async () => {
  bridge = await createBridge({ backend: 'auto' });
});
after(() => bridge.dispose());

const TOL = 1e-3;

test('auto picks the native backend when it is installed and loads, else the embedded wasm one; the response says so', () => {
  const require = createRequire(import.meta.url);
  const nativeInstalled = ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'].some((pkg) => {
    try {
      require.resolve(pkg);
      return true;
    } catch {
      return false;
    }
  });
  const expected = nativeInstalled && bridge.backend.warnings.length === 0 ? 'tensorflow' : 'wasm';
  assert.equal(bridge.backend.name, expected);
  assert.equal(bridge.process('place box above table').backend, expected);
});

test('"place the red box above the blue cube": red is above blue by at least the offset, not beside it', () => {
  const r = bridge.process('place the red box 10 cm above the blue cube');
  assert.equal(r.success, true, r.error);
  const red = r.targetPoses.red_box;
  const blue = r.targetPoses.blue_cube;
  assert.ok(red && blue, `poses for red_box and blue_cube: ${Object.keys(r.targetPoses)}`);
  const redHalf = 0.05;
  const blueHalf = 0.04;
  const gap = red.position[2] - redHalf - (blue.position[2] + blueHalf);
  assert.ok(gap >= 0.1 - TOL, `gap ${gap} m, want ≥ 0.1 m`);
  assert.ok(Math.abs(red.position[0] - blue.position[0]) <= blueHalf + TOL, 'red centre over blue footprint (x)');
  assert.ok(Math.abs(red.position[1] - blue.position[1]) <= blueHalf + TOL, 'red centre over blue footprint (y)');
  for (const pose of [red, blue]) {
    const q = pose.orientation;
    assert.ok(Math.abs(Math.hypot(...q) - 1) < 1e-5, 'unit quaternion');
    assert.ok(pose.confidence >= 0 && pose.confidence <= 1);
  }
  assert.equal(r.metrics.constraintSatisfactionRate, 1);
  assert.ok(r.timings.inferenceMs > 0 && r.timings.constraintSolvingMs > 0);
});

test('batch and single processing agree', async () => {
  const texts = [...(await readCategory('simple')), ...(await readCategory('medium'))];
  const batch = bridge.processBatch(texts);
  texts.forEach((text, i) => {
    const single = bridge.process(text);
    assert.equal(batch[i].instruction, text);
    assert.equal(batch[i].success, single.success, text);
    for (const [name, pose] of Object.entries(single.targetPoses)) {
      const other = batch[i].targetPoses[name];
      for (let k = 0; k < 3; k++) assert.ok(Math.abs(pose.position[k] - other.position[k]) < 1e-3, `${text}: ${name} position`);
    }
  });
});

test('no tensor is leaked by process or processBatch', () => {
  bridge.process('put the cup on the table');
  const before = tf.memory().numTensors;
  bridge.process('put the cup on the table');
  bridge.processBatch(['place box above table', 'not an instruction at all', 'stack 3 boxes on the table']);
  assert.equal(tf.memory().numTensors, before);
});

test('one bad instruction fails alone; the rest of the batch goes on', () => {
  const [good, bad, good2] = bridge.processBatch(['put the red box on the table', 'bonjour tout le monde', 'place the cube left of the sphere']);
  assert.equal(good.success, true, good.error);
  assert.equal(good2.success, true, good2.error);
  assert.equal(bad.success, false);
  assert.match(bad.error ?? '', /no spatial relation/);
  assert.deepEqual(bad.targetPoses, {});
});

for (const category of CATEGORIES) {
  test(`every ${category} suite instruction succeeds with all constraints satisfied`, async () => {
    const texts = await readCategory(category);
    const responses = bridge.processBatch(texts);
    for (const r of responses) {
      assert.equal(r.success, true, `${r.instruction}: ${r.error}`);
      assert.ok(r.constraints.length > 0, r.instruction);
      assert.ok(r.constraints.every((c) => c.satisfied), r.instruction);
      for (const pose of Object.values(r.targetPoses)) {
        assert.ok(pose.position.every(Number.isFinite) && pose.orientation.every(Number.isFinite));
        assert.ok(pose.position[2] >= -TOL, `${r.instruction}: below ground`);
      }
    }
  });
}

test('timeoutMs stops the solver: the stopped instruction fails and ran fewer solver iterations', async () => {
  const text = 'stack 6 boxes on the table and put a red cube left of the table';
  const free = bridge.process(text);
  assert.ok(free.metrics.iterations > 0, 'the instruction needs solver iterations');
  const strict = await createBridge({ backend: 'wasm', timeoutMs: 1e-6 });
  try {
    const [r, next] = strict.processBatch([text, 'put the cup on the table']);
    assert.equal(r.success, false);
    assert.match(r.error ?? '', /^stopped after [\d.]+ ms: over the 0\.000001 ms timeout \(solver stopped after \d+ iterations\)/);
    assert.ok(r.metrics.iterations < free.metrics.iterations, `iterations cut: ${r.metrics.iterations} < ${free.metrics.iterations}`);
    // The rest of the batch is judged on its own (it is stopped too, with this limit), and nothing throws.
    assert.equal(next.success, false);
    assert.equal(strict.describe().timeoutMs, 1e-6);
  } finally {
    strict.dispose();
  }
  const relaxed = await createBridge({ backend: 'wasm', timeoutMs: 3_600_000 });
  try {
    const r = relaxed.process(text);
    assert.equal(r.success, free.success, r.error);
    assert.equal(r.metrics.iterations, free.metrics.iterations);
  } finally {
    relaxed.dispose();
  }
});
