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

test('tally counts quality over successful responses only, and stage shares over all', () => {
  const t = new ResponseTally();
  t.add([response(true, [true, true], 1), response(false, [true, false], 2)]);
  const q = t.quality();
  assert.equal(q.responses, 2);
  assert.equal(q.successRate, 0.5);
  assert.equal(q.constraints, 2, 'constraints of the failed response are not counted');
  assert.equal(q.satisfiedConstraints, 2);
  assert.equal(q.constraintSatisfactionRate, 1);
  assert.equal(q.meanIterations, 4);
  assert.equal(q.meanConfidence, 0.8);
  assert.equal(q.supportMargin, null);
  assert.deepEqual(t.stagesMs(), { preprocessing: 1.5, inference: 1.5, constraintSolving: 1.5, postprocessing: 1.5 });
});

test('when every response fails, no satisfaction or confidence is claimed', () => {
  const t = new ResponseTally();
  t.add([response(false, [true], 1), response(false, [true, true], 1)]);
  const q = t.quality();
  assert.equal(q.successRate, 0);
  assert.equal(q.constraintSatisfactionRate, null);
  assert.equal(q.meanConfidence, null);
});

test('support margins of successful responses are summarised: median and share at least 0.25', () => {
  const t = new ResponseTally();
  const withMargin = (m: number | null, ok = true) => {
    const r = response(ok, [true], 1);
    (r.metrics as { supportMargin?: number | null }).supportMargin = m;
    return r;
  };
  t.add([withMargin(0.1), withMargin(0.5), withMargin(0.9), withMargin(null), withMargin(0.0, false)]);
  const m = t.quality().supportMargin;
  assert.deepEqual(m, { responses: 3, median: 0.5, shareAtLeastQuarter: 2 / 3 });
});

test('cycle repeats and chunk cuts', () => {
  assert.deepEqual(cycle(['a', 'b'], 5), ['a', 'b', 'a', 'b', 'a']);
  assert.deepEqual(chunk([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
});
