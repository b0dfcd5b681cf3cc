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
