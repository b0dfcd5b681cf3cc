/** Messages between the server suite's pool and its serving workers (control only: requests go through shared memory). */
import type { BridgeConfig } from '../../pipeline/bridge.js';
import type { StepMemory } from './step-buffers.js';

/** Given to each worker at start (workerData). */
export interface ServerWorkerSetup {
  /** Worker number, 0-based. */
  worker: number;
  bridge: BridgeConfig;
  /** The run's instructions; requests name them by index. */
  instructions: string[];
  /** Epoch of the shared clock (`process.hrtime.bigint()` on the main thread). */
  epoch: bigint;
  /**
   * Batch sizes each worker serves once per round before it reports ready (not measured): the network's first call
   * at a new batch shape costs milliseconds, which would otherwise land in the measured steps' tails.
   */
  warmup: { sizes: number[]; rounds: number };
  /** Opaque data for a custom worker entry (tests); the standard entry ignores it. */
  entryData?: unknown;
}

/** How the workers serve one step. */
export interface StepParams {
  maxBatch: number;
  maxWaitMs: number;
  dropAfterMs: number;
}

export type ToServerWorker = { type: 'step'; memory: StepMemory; params: StepParams } | { type: 'stop' };

export type FromServerWorker =
  | { type: 'ready' }
  | { type: 'serving' }
  | { type: 'done'; batches: number; busyMs: number }
  | { type: 'error'; message: string };
