import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateSceneInstruction } from '../../src/bench/scene-generator.js';

test('generated scenes name exactly N objects and N relations', () => {
  for (const n of [1, 2, 8, 64]) {
    const text = generateSceneInstruction(n);
    const names = new Set(text.match(/object_\d+/g));
    assert.equal(names.size, n);
    assert.equal(text.split(', ').length, n);
  }
  assert.throws(() => generateSceneInstruction(0), RangeError);
});

test('generated scenes up to 256 objects are read whole and solved (every object placed, every relation met)', async () => {
  const { createBridge } = await import('../../src/pipeline/bridge.js');
  const bridge = await createBridge({});
  try {
    for (const n of [32, 128, 256]) {
      const r = bridge.process(generateSceneInstruction(n));
      assert.equal(r.success, true, `${n} objects: ${r.error}`);
      assert.equal(Object.keys(r.targetPoses).length, n);
      assert.equal(r.constraints.length, n);
      assert.ok(r.constraints.every((c) => c.satisfied), `${n} objects: a relation is not met`);
    }
  } finally {
    bridge.dispose();
  }
});
