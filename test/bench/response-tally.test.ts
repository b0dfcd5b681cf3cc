import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunk, cycle, ResponseTally } from '../../src/bench/response-tally.js';
import type { GasmResponse } from '../../src/pipeline/types.js';

function response(success: boolean, satisfied: boolean[], ms: number): GasmResponse {
  return {
    instruction: 'x',
    success,
    constraints: satisfied.map((s) => ({ type: 'above', subject: 'a', targets: ['b'], parameters: {}, source: 'x', satisfied: s, residual: s ? 0 : 1 })),
    targetPoses: { a: { position: [0, 0, 0], orientation: [1, 0, 0, 0], confidence: 1 }, b: { position: [0, 0, 0], orientation: [1, 0, 0, 0], confidence: 1 } },
    confidence: success ? 0.8 : 0.2,
    timings: { preprocessingMs: ms, inferenceMs: ms, constraintSolvingMs: ms, postprocessingMs: ms },
    metrics: { constraintSatisfactionRate: 0, iterations: 4, residual: 0 },
    backend: 'cpu',
  };
}

test('tally counts successes, constraints and latencies', () => {
  const t = new ResponseTally();
  t.add([response(true, [true, true], 1), response(false, [true, false], 2)]);
  const q = t.quality();
  assert.equal(q.responses, 2);
  assert.equal(q.successRate, 0.5);
  assert.equal(q.constraints, 4);
  assert.equal(q.satisfiedConstraints, 3);
  assert.equal(q.constraintSatisfactionRate, 0.75);
  assert.equal(q.meanIterations, 4);
  assert.ok(Math.abs(q.meanConfidence - 0.5) < 1e-12);
  assert.deepEqual(t.latencyMs, [4, 8]);
  assert.deepEqual(t.stagesMs(), { preprocessing: 1.5, inference: 1.5, constraintSolving: 1.5, postprocessing: 1.5 });
});

test('cycle repeats and chunk cuts', () => {
  assert.deepEqual(cycle(['a', 'b'], 5), ['a', 'b', 'a', 'b', 'a']);
  assert.deepEqual(chunk([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
});
