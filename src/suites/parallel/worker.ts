/**
 * Worker entry of the parallel suite: builds its own bridge, keeps its share of instructions from the one
 * `load` message, and on each `run` waits at the barrier, then times its workload itself (see protocol.ts).
 * Errors are answered as messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createBridge } from '../../pipeline/bridge.js';
import { BARRIER_ARRIVED, BARRIER_GO, type FromWorker, type ToWorker, type WorkerSetup } from './protocol.js';
import { runPipeline, spin } from './workloads.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const barrier = new Int32Array(setup.barrier);
const send = (message: FromWorker): void => port.postMessage(message);

try {
  const bridge = await createBridge(setup.bridge);
  let share: string[] = [];
  port.on('message', (message: ToWorker) => {
    try {
      if (message.type === 'load') {
        share = message.instructions;
        send({ type: 'loaded', instructions: share.length });
        return;
      }
      Atomics.add(barrier, BARRIER_ARRIVED, 1);
      while (Atomics.load(barrier, BARRIER_GO) < message.generation) Atomics.wait(barrier, BARRIER_GO, Atomics.load(barrier, BARRIER_GO));
      const w = message.workload;
      const start = process.hrtime.bigint();
      const failures = w.kind === 'pipeline' ? runPipeline(bridge, share, setup.batchSize, w.passes) : 0;
      const checksum = w.kind === 'spin' ? spin(w.iterations) : 0;
      const end = process.hrtime.bigint();
      send({ type: 'done', startNs: start.toString(), endNs: end.toString(), instructions: w.kind === 'pipeline' ? share.length * w.passes : 0, failures, checksum });
    } catch (error) {
      send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  });
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
