import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { workerScriptBeside } from '../../../src/bench/worker-script.js';
import { createBridge, type GasmBridge } from '../../../src/pipeline/bridge.js';
import { runParallel } from '../../../src/suites/parallel/run.js';
import { parallelMetrics } from '../../../src/suites/parallel/metrics.js';
import { testContext } from '../../helpers/run-context.js';

let bridge: GasmBridge;
before(async () => {
  bridge = await createBridge({});
});
after(() => bridge.dispose());

const options = { workers: 2, batchSize: 8, category: 'simple', repetitions: 2 };

function faultScript(mode: string, worker: number) {
  const script = workerScriptBeside(import.meta.url, 'fault-worker');
  return { url: script.url, argv: [...script.argv, mode, String(worker)] };
}

test('speedup is the sum of each worker alone over the wall time together, and the machine capacity is measured beside it', async () => {
  const outcome = await runParallel(testContext(bridge), options);
  assert.equal(outcome.status, 'ok', outcome.status === 'failed' ? outcome.error : '');
  const p = outcome.result!;
  assert.equal(p.workers, 2);
  assert.equal(p.failedWorkers, 0);
  assert.equal(p.samples.speedup.length, 2);
  p.samples.speedup.forEach((s, i) => assert.ok(Math.abs(s - p.samples.sequentialMs[i] / p.samples.parallelMs[i]) < 1e-9));
  assert.ok(p.speedupCi95[0] <= p.speedup && p.speedup <= p.speedupCi95[1], 'the median lies inside its interval');
  assert.ok(Math.abs(p.efficiency - p.speedup / 2) < 1e-12);
  assert.equal(p.samples.machineSpeedup.length, 2);
  assert.ok(p.machine.speedup > 0);
  assert.ok(Math.abs(p.relativeToMachine - p.speedup / p.machine.speedup) < 1e-12);
  assert.ok(p.passes >= 1);
  const ids = parallelMetrics(p).map((m) => m.id);
  assert.deepEqual(ids, ['parallel.speedup', 'parallel.machine.speedup']);
  assert.ok(parallelMetrics(p).every((m) => m.kind === 'samples' && m.unitOfIndependence === 'repetition'));
});

for (const mode of ['throw', 'exit'] as const) {
  test(`a worker that fails (${mode}) is reported and the suite finishes with the other`, async () => {
    const outcome = await runParallel(testContext(bridge), options, { workerScript: faultScript(mode, 1) });
    assert.equal(outcome.status, 'ok', outcome.status === 'failed' ? outcome.error : '');
    const p = outcome.result!;
    assert.equal(p.failedWorkers, 1);
    assert.ok(p.perWorker.find((w) => w.worker === 1)?.error, 'worker 1 has an error');
    assert.ok(p.perWorker.find((w) => w.worker === 0)!.instructions > 0);
  });
}

test('a worker that hangs is stopped at the timeout and reported', async () => {
  const outcome = await runParallel(testContext(bridge), { ...options, repetitions: 1, workerTimeoutMs: 3000 }, { workerScript: faultScript('hang', 1) });
  assert.equal(outcome.status, 'ok', outcome.status === 'failed' ? outcome.error : '');
  const p = outcome.result!;
  assert.equal(p.failedWorkers, 1);
  assert.match(p.perWorker.find((w) => w.worker === 1)!.error ?? '', /did not answer/);
});

test('pipeline / machine: a paired bootstrap keeps what a repetition shares, so a shared slowdown does not widen the interval', async () => {
  const { pairedRatioOfMedians, ratioOfMedians } = await import('../../../src/suites/ratio-interval.js');
  // Each repetition's machine state scales both measurements alike (factor 0.6–1.4); the pipeline is 90% of the machine.
  const state = [0.6, 1.4, 0.8, 1.2, 1.0, 0.7, 1.3, 0.9, 1.1, 1.05];
  const machine = state.map((s) => 2 * s);
  const pipeline = state.map((s) => 1.8 * s);
  const paired = pairedRatioOfMedians(pipeline, machine);
  const unpaired = ratioOfMedians(pipeline, machine);
  assert.ok(Math.abs(paired.value - 0.9) < 1e-12);
  assert.ok(Math.abs(paired.ci95[0] - 0.9) < 1e-12 && Math.abs(paired.ci95[1] - 0.9) < 1e-12, `paired ${paired.ci95}`);
  assert.ok(unpaired.ci95[1] - unpaired.ci95[0] > 0.2, `unpaired ${unpaired.ci95}`);
  assert.deepEqual(pairedRatioOfMedians([], []).ci95.map(Number.isNaN), [true, true]);
});
