/**
 * Worker entry of the parallel suite: builds its own bridge, then on each `run` message processes the given
 * instructions in batches and answers with its own wall time. Errors are sent back as messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createBridge } from '../pipeline/bridge.js';
import type { FromWorker, ToWorker, WorkerSetup } from './parallel-protocol.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const send = (message: FromWorker): void => port.postMessage(message);

try {
  const bridge = await createBridge(setup.bridge);
  port.on('message', (message: ToWorker) => {
    if (message.type === 'stop') {
      bridge.dispose();
      port.close();
      return;
    }
    try {
      if (message.measured && setup.fault === 'throw') throw new Error(`injected fault in worker ${setup.worker}`);
      if (message.measured && setup.fault === 'exit') process.exit(3);
      if (message.measured && setup.fault === 'hang') return;
      let failures = 0;
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < message.instructions.length; i += setup.batchSize) {
        const responses = bridge.processBatch(message.instructions.slice(i, i + setup.batchSize));
        for (const r of responses) if (!r.success) failures++;
      }
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      send({ type: 'done', ms, instructions: message.instructions.length, failures });
    } catch (error) {
      send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  });
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
