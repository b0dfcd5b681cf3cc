/**
 * Worker entry of one throughput fork: a fresh V8 isolate (its own JIT state, heap and wasm memory) builds its
 * own bridge, runs the batched runs (warm-up included) and answers with what it measured, or with its error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { machineNoise, readCpuCounters } from '../../bench/noise.js';
import { createBridge } from '../../pipeline/bridge.js';
import { measureBatched } from './batched.js';
import type { ForkMessage, ForkSetup, ForkSingleStream } from './fork-protocol.js';
import { measureSingleStreamRaw } from './single-stream.js';

const setup = workerData as ForkSetup;
const send = (message: ForkMessage): void => parentPort!.postMessage(message);
try {
  const bridge = await createBridge(setup.bridge);
  try {
    const runs = await measureBatched(bridge, setup.batches, setup.policy, {});
    let singleStream: ForkSingleStream | null = null;
    if (setup.singleStream) {
      const before = readCpuCounters();
      const { raw } = await measureSingleStreamRaw(bridge, setup.singleStream, setup.policy, {});
      const passMs = raw.callMs.map((pass) => pass.reduce((a, b) => a + b, 0));
      singleStream = { raw, noise: machineNoise(before, readCpuCounters(), passMs, raw.cpuMs, raw.switches) };
    }
    send({ type: 'done', runs, singleStream });
  } finally {
    bridge.dispose();
  }
} catch (error) {
  send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
