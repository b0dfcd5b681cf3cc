import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { measureMemoryCategory, type BatchProcessor } from '../../../src/suites/memory/run.js';
import type { GasmResponse } from '../../../src/pipeline/types.js';

const set = { name: 'fake', instructions: ['a', 'b', 'c'] };
const options = { instructions: 400, repetitions: 3, batchSize: 20 };

function fakeResponse(text: string): GasmResponse {
  return {
    instruction: text,
    success: true,
    constraints: [],
    targetPoses: {},
    confidence: 1,
    timings: { preprocessingMs: 0, inferenceMs: 0, constraintSolvingMs: 0, postprocessingMs: 0 },
    metrics: { constraintSatisfactionRate: 1, iterations: 0, residual: 0 },
    backend: 'cpu',
    // ~4 KB of garbage per response
    warnings: [new Array(512).fill(0).map((_, i) => i).join(',')],
  };
}

test('a processor that keeps nothing is not a leak', async () => {
  const clean: BatchProcessor = (texts) => texts.map(fakeResponse);
  const r = await measureMemoryCategory(clean, set, options);
  assert.ok(r);
  assert.equal(r.leak, false, r.verdict);
  assert.equal(r.leakedTensors, 0);
  assert.equal(r.samples.length, 3);
  assert.equal(r.gcExposed, true);
});

test('a processor that retains every response is a leak', async () => {
  const kept: GasmResponse[] = [];
  const leaky: BatchProcessor = (texts) => {
    const out = texts.map(fakeResponse);
    kept.push(...out);
    return out;
  };
  const r = await measureMemoryCategory(leaky, set, options);
  assert.ok(r);
  assert.equal(r.leak, true, r.verdict);
  assert.ok(r.retainedBytesPerInstruction > 1000, `${r.retainedBytesPerInstruction} B/instruction`);
  assert.match(r.verdict, /^leak/);
  assert.ok(kept.length > 0);
});

test('a processor that leaves tensors behind is a leak', async () => {
  await tf.setBackend('cpu');
  const held: tf.Tensor[] = [];
  const leaky: BatchProcessor = (texts) => {
    held.push(tf.zeros([2]));
    return texts.map(fakeResponse);
  };
  const r = await measureMemoryCategory(leaky, set, options);
  assert.ok(r);
  assert.ok(r.leakedTensors > 0);
  assert.equal(r.leak, true);
  tf.dispose(held);
});
