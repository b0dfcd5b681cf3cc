import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frozenCopy } from '../../../src/pipeline/cache/result-cache.js';

test('frozenCopy: a deep, deep-frozen copy of plain data, independent of the original', () => {
  const original = {
    instruction: 'put the cup on the table',
    success: true,
    error: undefined,
    constraints: [{ type: 'on', subject: 'cup', targets: ['table'], parameters: { distance: 0.1 }, satisfied: true, residual: 0 }],
    targetPoses: { cup: { position: [0, 0.1, 0.5], orientation: [1, 0, 0, 0], confidence: 0.5, halfExtents: [0.04, 0.04, 0.05] } },
    metrics: { supportMargin: null, iterations: 3 },
  };
  const copy = frozenCopy(original);
  assert.deepEqual(copy, original);
  assert.ok('error' in copy, 'an undefined property is kept, as structuredClone keeps it');
  assert.notEqual(copy.targetPoses.cup.position, original.targetPoses.cup.position);
  assert.ok(Object.isFrozen(copy) && Object.isFrozen(copy.constraints[0].targets) && Object.isFrozen(copy.targetPoses.cup.position));
  original.targetPoses.cup.position[0] = 9;
  original.constraints[0].targets.push('shelf');
  assert.equal(copy.targetPoses.cup.position[0], 0);
  assert.deepEqual(copy.constraints[0].targets, ['table']);
  assert.equal(Object.isFrozen(original), false, 'the original is left as it was');
});
