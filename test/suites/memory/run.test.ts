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

test('the per-batch timeline is not counted as retained memory', async () => {
  // An empty processor at one batch per instruction: only the suite's own bookkeeping runs. A timeline point
  // kept as an object costs ~40–130 B, so 40 B/instruction (the old code retained 114–245) would be exceeded if the points were retained; GC noise here is a few B.
  const empty: BatchProcessor = () => [];
  const o = { instructions: 3000, repetitions: 5, batchSize: 1 };
  const r = await measureMemoryCategory(empty, set, o);
  assert.ok(r);
  assert.ok(Math.abs(r.retainedBytesPerInstruction) < 40, `${r.retainedBytesPerInstruction} B/instruction retained by bookkeeping alone (samples ${r.samples.map((x) => x.toFixed(1)).join(', ')})`);
  // The timeline is still complete: one point per batch of every measured repetition, in order.
  assert.equal(r.timeline.length, o.instructions * o.repetitions);
  assert.deepEqual(r.timeline.map((p) => p.instructions), Array.from({ length: o.instructions * o.repetitions }, (_, i) => i + 1));
  assert.ok(r.timeline.every((p, i) => i === 0 || p.t >= r.timeline[i - 1].t));
  assert.equal(r.heapUsedPeak, Math.max(r.heapUsedBefore, ...r.timeline.map((p) => p.heapUsed)));
  assert.equal(r.rssPeak, Math.max(r.rssBefore, ...r.timeline.map((p) => p.rss)));
});
