/**
 * Worker entry of one throughput fork: a fresh V8 isolate (its own JIT state, heap and wasm memory) builds its
 * own bridge, runs the batched runs (warm-up included) and answers with what it measured, or with its error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createBridge } from '../../pipeline/bridge.js';
import { measureBatched } from './batched.js';
import type { ForkMessage, ForkSetup } from './fork-protocol.js';

const setup = workerData as ForkSetup;
const send = (message: ForkMessage): void => parentPort!.postMessage(message);
try {
  const bridge = await createBridge(setup.bridge);
  try {
    send({ type: 'done', runs: await measureBatched(bridge, setup.batches, setup.policy, {}) });
  } finally {
    bridge.dispose();
  }
} catch (error) {
  send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
