import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { runParallel, split } from '../../../src/bench/suites/parallel.js';
import { createBridge, type GasmBridge } from '../../../src/pipeline/bridge.js';

let bridge: GasmBridge;
before(async () => {
  bridge = await createBridge({ backend: 'wasm' });
});
after(() => bridge.dispose());

const base = {
  instructions: ['place box above table', 'put the cup on the plate', 'move the sensor near the conveyor'],
  total: 48,
  workers: 2,
  repetitions: 2,
  batchSize: 8,
  bridgeConfig: { backend: 'wasm' as const },
};

test('split shares work evenly and keeps every item', () => {
  const parts = split([1, 2, 3, 4, 5, 6, 7], 3);
  assert.deepEqual(parts, [[1, 2, 3], [4, 5], [6, 7]]);
});

test('speedup is sequential over parallel time and efficiency is speedup per worker', async () => {
  const { suite } = await runParallel(bridge, base, {});
  assert.ok(suite);
  assert.equal(suite.workers, 2);
  assert.equal(suite.failedWorkers, 0);
  assert.ok(Math.abs(suite.speedup - suite.sequentialMs / suite.parallelMs) < 1e-9);
  assert.ok(Math.abs(suite.efficiency - suite.speedup / 2) < 1e-12);
  assert.equal(suite.perWorker.reduce((n, w) => n + w.instructions, 0), 48 * 2);
  assert.equal(suite.samples.speedup.length, 2);
});

for (const mode of ['throw', 'exit'] as const) {
  test(`a worker that fails (${mode}) is reported and the suite finishes with the other`, async () => {
    const { suite } = await runParallel(bridge, { ...base, fault: { worker: 1, mode } }, {});
    assert.ok(suite);
    assert.equal(suite.failedWorkers, 1);
    const failed = suite.perWorker.find((w) => w.worker === 1);
    assert.ok(failed?.error, 'worker 1 has an error');
    assert.ok(suite.perWorker.find((w) => w.worker === 0)!.instructions > 0);
  });
}

test('a worker that hangs is stopped at the timeout and reported', async () => {
  const { suite } = await runParallel(bridge, { ...base, repetitions: 1, workerTimeoutMs: 3000, fault: { worker: 0, mode: 'hang' } }, {});
  assert.ok(suite);
  assert.equal(suite.failedWorkers, 1);
  assert.match(suite.perWorker.find((w) => w.worker === 0)!.error ?? '', /did not answer/);
});
