/** Messages between the parallel suite and its workers. */
import type { BridgeConfig } from '../pipeline/bridge.js';

/** Given to each worker at start (workerData). */
export interface WorkerSetup {
  worker: number;
  bridge: BridgeConfig;
  batchSize: number;
  /** Test-only fault injection: make this worker throw or exit on its first measured run. */
  fault?: 'throw' | 'exit' | 'hang';
}

export type ToWorker = { type: 'run'; instructions: string[]; measured: boolean } | { type: 'stop' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; ms: number; instructions: number; failures: number }
  | { type: 'error'; message: string };
