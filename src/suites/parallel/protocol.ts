/**
 * Messages between the parallel suite and its workers. A measured phase starts every participating worker
 * together through a barrier on shared memory (no message inside the timed region): each worker announces
 * itself on `ready`, blocks on `go` until the main thread releases the generation it was given, then times
 * its own work on the process's monotonic clock (process.hrtime, shared by all threads) and answers with its
 * start and end. Wall time of a phase = latest end − earliest start.
 */
import type { BridgeConfig } from '../../pipeline/bridge.js';

/** Given to each worker at start (workerData). */
export interface WorkerSetup {
  worker: number;
  bridge: BridgeConfig;
  batchSize: number;
  /** Int32Array view: [0] workers arrived at the barrier, [1] released generation. */
  barrier: SharedArrayBuffer;
}

/** What a phase runs: the pipeline over the worker's share, or plain CPU-bound arithmetic. */
export type Workload = { kind: 'pipeline'; passes: number } | { kind: 'spin'; iterations: number };

export type ToWorker =
  /** Keep these instructions for every later phase (sent once). */
  | { type: 'load'; instructions: string[] }
  /** Run the workload after the barrier releases `generation`. */
  | { type: 'run'; workload: Workload; generation: number };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'loaded'; instructions: number }
  /** Start and end on the shared monotonic clock, ns since an arbitrary origin (as decimal strings). */
  | { type: 'done'; startNs: string; endNs: string; instructions: number; failures: number; checksum: number }
  | { type: 'error'; message: string };

/** Index of the arrival counter and of the release generation in the barrier. */
export const BARRIER_ARRIVED = 0;
export const BARRIER_GO = 1;
