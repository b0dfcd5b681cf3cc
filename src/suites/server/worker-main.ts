/**
 * The body of a serving worker: builds its own bridge, answers 'ready', then serves each step it is sent
 * (synchronously, through shared memory) and answers 'done'. Errors are sent back as messages, never thrown
 * across the thread. A worker entry module calls `runServingWorker` with the batch handler it serves with.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createBridge, type GasmBridge } from '../../pipeline/bridge.js';
import { createClock } from './clock.js';
import type { FromServerWorker, ServerWorkerSetup, ToServerWorker } from './protocol.js';
import { serveStep, type BatchHandler } from './serve-loop.js';
import { viewStep } from './step-buffers.js';

/** The standard handler: one processBatch call per batch (one network pass), each response's success. */
export function bridgeHandler(bridge: GasmBridge): BatchHandler {
  return (texts) => bridge.processBatch(texts).map((r) => r.success);
}

/**
 * Serves every warm-up batch size once per round, instructions drawn with a fixed stride so that batches mix
 * instructions (and scene sizes) as served batches do.
 */
function warmUp(bridge: GasmBridge, setup: ServerWorkerSetup): void {
  const { instructions } = setup;
  let next = setup.worker;
  for (let round = 0; round < setup.warmup.rounds; round++) {
    for (const size of setup.warmup.sizes) {
      const batch: string[] = [];
      for (let k = 0; k < size; k++) {
        batch.push(instructions[next % instructions.length]);
        next += 7;
      }
      bridge.processBatch(batch);
    }
  }
}

export async function runServingWorker(makeHandler: (bridge: GasmBridge, setup: ServerWorkerSetup) => BatchHandler): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('runServingWorker must run in a worker thread');
  const setup = workerData as ServerWorkerSetup;
  const send = (message: FromServerWorker): void => port.postMessage(message);
  const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
  try {
    const bridge = await createBridge(setup.bridge);
    warmUp(bridge, setup);
    const handle = makeHandler(bridge, setup);
    const clock = createClock(setup.epoch);
    port.on('message', (m: ToServerWorker) => {
      if (m.type === 'stop') {
        bridge.dispose();
        port.close();
        return;
      }
      try {
        send({ type: 'serving' });
        const tally = serveStep(viewStep(m.memory), m.params, setup.worker, setup.instructions, handle, clock);
        send({ type: 'done', batches: tally.batches, busyMs: tally.busyMs });
      } catch (error) {
        send({ type: 'error', message: message(error) });
      }
    });
    send({ type: 'ready' });
  } catch (error) {
    send({ type: 'error', message: message(error) });
  }
}
